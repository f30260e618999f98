using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// The live impact map's hub at <c>/hubs/impact</c> (viewer role). On connect the client gets a <c>Snapshot</c>, then
/// <c>Deltas</c>; it may narrow what it sees with <c>Subscribe</c> and ask for a fresh picture with <c>RequestSnapshot</c>
/// (both return the snapshot), and receive the metric highlights of a few components with <c>Watch</c> / <c>Unwatch</c>.
/// </summary>
public sealed class ImpactHub(ImpactBridge bridge) : Hub<IImpactClient>
{
    public const string Path = "/hubs/impact";

    public override async Task OnConnectedAsync()
    {
        bridge.Connect(Context.ConnectionId);
        await Clients.Caller.Snapshot(await bridge.SnapshotAsync(Context.ConnectionId));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        bridge.Disconnect(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>Sees only <paramref name="subscription"/> (all of its conditions; none: everything) from now on.</summary>
    [HubMethodName("Subscribe")]
    public Task<ImpactSnapshot> SubscribeAsync(ImpactSubscription subscription) =>
        bridge.SnapshotAsync(Context.ConnectionId, Normalise(subscription));

    [HubMethodName("RequestSnapshot")]
    public Task<ImpactSnapshot> RequestSnapshotAsync() => bridge.SnapshotAsync(Context.ConnectionId);

    /// <summary>
    /// Watches exactly <paramref name="componentIds"/> (replacing what was watched; at most <see cref="RealtimeOptions.MaxWatched"/>)
    /// and returns their current metric highlights; changes then arrive in the <c>metrics</c> array of <c>Deltas</c>.
    /// </summary>
    [HubMethodName("Watch")]
    public Task<ImmutableArray<MetricHighlights>> WatchAsync(string[]? componentIds) => bridge.WatchAsync(Context.ConnectionId, componentIds);

    /// <summary>Stops every watch of this connection.</summary>
    [HubMethodName("Unwatch")]
    public Task UnwatchAsync() => bridge.WatchAsync(Context.ConnectionId, []);

    private static ImpactSubscription Normalise(ImpactSubscription? s) =>
        new(Blank(s?.Service), Blank(s?.Tag), Blank(s?.Kind));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
