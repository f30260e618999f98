using Microsoft.AspNetCore.SignalR;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// The live impact map's hub at <c>/hubs/impact</c> (viewer role). On connect the client gets a <c>Snapshot</c>, then
/// <c>Deltas</c>; it may narrow what it watches with <c>Subscribe</c> and ask for a fresh picture with <c>RequestSnapshot</c>
/// (both return the snapshot).
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

    /// <summary>Watches only <paramref name="subscription"/> (all of its conditions; none: everything) from now on.</summary>
    [HubMethodName("Subscribe")]
    public Task<ImpactSnapshot> SubscribeAsync(ImpactSubscription subscription) =>
        bridge.SnapshotAsync(Context.ConnectionId, Normalise(subscription));

    [HubMethodName("RequestSnapshot")]
    public Task<ImpactSnapshot> RequestSnapshotAsync() => bridge.SnapshotAsync(Context.ConnectionId);

    private static ImpactSubscription Normalise(ImpactSubscription? s) =>
        new(Blank(s?.Service), Blank(s?.Tag), Blank(s?.Kind));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
