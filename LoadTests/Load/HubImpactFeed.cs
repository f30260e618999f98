using ImpactMesh.Dashboard.Json;
using ImpactMesh.Dashboard.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Feeds an <see cref="ImpactWatcher"/> from a silo's SignalR hub (<c>/hubs/impact</c>), as the live map does: the
/// snapshot on connect (the hub sends one on every connection, so after an automatic reconnect too), then batched deltas;
/// it asks for a new snapshot after a <c>resync</c> or a topology change.
/// A delta arrives after the impact index's and the hub's batching, so its arrival is what an operator sees; the hub
/// does not say when a component was updated (<see cref="ObservedChange.PublishedAt"/> stays null).
/// </summary>
internal sealed class HubImpactFeed : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ImpactWatcher _watcher;
    private readonly TimeProvider _time;
    private long _snapshotSequence;

    private HubImpactFeed(Uri silo, string key, ImpactWatcher watcher, TimeProvider time)
    {
        _watcher = watcher;
        _time = time;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(silo, ImpactHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key))
            .AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions))
            .WithAutomaticReconnect()
            .Build();
        _connection.On<ImpactSnapshot>(nameof(IImpactClient.Snapshot), OnSnapshot);
        _connection.On<ImpactDeltas>(nameof(IImpactClient.Deltas), OnDeltas);
    }

    /// <summary>Connects to the hub of <paramref name="silo"/> with API key <paramref name="key"/> (viewer role or above).</summary>
    public static async Task<HubImpactFeed> StartAsync(Uri silo, string key, ImpactWatcher watcher, TimeProvider time)
    {
        var feed = new HubImpactFeed(silo, key, watcher, time);
        await feed._connection.StartAsync();
        return feed;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnSnapshot(ImpactSnapshot snapshot)
    {
        var arrived = _time.GetUtcNow();
        Interlocked.Exchange(ref _snapshotSequence, snapshot.Sequence);
        _watcher.ObserveSnapshot([.. snapshot.Statuses.Select(s => Observed(s, arrived))], arrived);
    }

    private void OnDeltas(ImpactDeltas deltas)
    {
        var arrived = _time.GetUtcNow();
        if (deltas.Sequence <= Interlocked.Read(ref _snapshotSequence)) return;
        _watcher.Observe([.. deltas.Statuses.Select(s => Observed(s, arrived))]);

        // Not awaited: the client runs handlers one at a time, so a handler waiting for an invocation's answer would block it.
        if (deltas.Resync || deltas.TopologyVersion is not null) _ = RefreshAsync();
    }

    /// <summary>Asks for a new snapshot; a failure is reported (the waiting injection then times out) and the feed goes on.</summary>
    private async Task RefreshAsync()
    {
        try
        {
            OnSnapshot(await _connection.InvokeAsync<ImpactSnapshot>("RequestSnapshot"));
        }
        catch (Exception e) when (e is HubException or InvalidOperationException or IOException or OperationCanceledException)
        {
            Console.Error.WriteLine($"  impact hub: RequestSnapshot failed: {e.Message}");
        }
    }

    private static ObservedChange Observed(ComponentStatus status, DateTimeOffset arrived) => new(status.Id, status.Status, null, arrived);
}
