using System.Text;
using System.Text.Json;
using ImpactMesh.Dashboard.Json;
using ImpactMesh.Dashboard.Realtime;
using ImpactMesh.LoadTests.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Feeds an <see cref="ImpactWatcher"/> from a silo's SignalR hub (<c>/hubs/impact</c>), as the live map does: the
/// snapshot on connect (the hub sends one on every connection, so after an automatic reconnect too), then batched deltas;
/// it asks for a new snapshot after a <c>resync</c> or a topology change.
/// A delta arrives after the impact index's and the hub's batching, so its arrival is what an operator sees; the hub
/// does not say when a component was updated (<see cref="ObservedChange.PublishedAt"/> stays null). Every <c>Deltas</c>
/// message is also kept as a <see cref="DeltaMessage"/> (arrival, statuses, bytes) for message-rate figures.
/// </summary>
internal sealed class HubImpactFeed : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = CreateJsonOptions();

    private readonly HubConnection _connection;
    private readonly ImpactWatcher _watcher;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<DeltaMessage> _messages = [];
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
        _connection.On<JsonElement>(nameof(IImpactClient.Deltas), OnDeltas);
    }

    /// <summary>Connects to the hub of <paramref name="silo"/> with API key <paramref name="key"/> (viewer role or above).</summary>
    public static async Task<HubImpactFeed> StartAsync(Uri silo, string key, ImpactWatcher watcher, TimeProvider time)
    {
        var feed = new HubImpactFeed(silo, key, watcher, time);
        await feed._connection.StartAsync();
        return feed;
    }

    /// <summary>Every <c>Deltas</c> message so far.</summary>
    public IReadOnlyList<DeltaMessage> Messages
    {
        get
        {
            lock (_gate) return [.. _messages];
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnSnapshot(ImpactSnapshot snapshot)
    {
        var arrived = _time.GetUtcNow();
        Interlocked.Exchange(ref _snapshotSequence, snapshot.Sequence);
        _watcher.ObserveSnapshot([.. snapshot.Statuses.Select(s => Observed(s, arrived))], arrived);
    }

    private void OnDeltas(JsonElement message)
    {
        var arrived = _time.GetUtcNow();
        var deltas = message.Deserialize<ImpactDeltas>(Json)!;
        lock (_gate) _messages.Add(new DeltaMessage(arrived, deltas.Statuses.Length, Encoding.UTF8.GetByteCount(message.GetRawText())));
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

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }

    private static ObservedChange Observed(ComponentStatus status, DateTimeOffset arrived) => new(status.Id, status.Status, null, arrived);
}
