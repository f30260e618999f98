using System.Collections.Concurrent;
using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// This silo's end of the live feed: an <see cref="IImpactObserver"/> of the impact index and an <see cref="ISlaObserver"/>
/// of the SLA feed that queues each batch of changes for every hub connection (statuses within its subscription), reads
/// the metrics of the components connections watch (<see cref="PollWatchedAsync"/>) and, on <see cref="Flush"/>, sends
/// each connection at most one capped batch. Receiving only queues, so a slow browser never slows the cluster; see
/// <see cref="ConnectionFeed"/>.
/// </summary>
public sealed partial class ImpactBridge(
    IHubContext<ImpactHub, IImpactClient> hub,
    IGrainFactory grains,
    MetricWatch metricWatch,
    IOptions<RealtimeOptions> options,
    [FromKeyedServices(ServiceKeys.Time)] TimeProvider time,
    ILogger<ImpactBridge> logger) : IImpactObserver, ISlaObserver
{
    private readonly ConcurrentDictionary<string, ConnectionFeed> _feeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownStatus> _known = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _topologyGate = new(1, 1);
    private TopologyView? _topology;
    private long? _announcedVersion;

    public int ConnectionCount => _feeds.Count;

    public Task OnImpactChangesAsync(ImmutableArray<ImpactChange> changes)
    {
        var statuses = new List<ComponentStatus>(changes.Length);
        var alerts = new List<ImpactAlert>();
        lock (_known)
        {
            foreach (var change in changes)
            {
                statuses.Add(ComponentStatus.From(change));
                if (Alert(change) is { } alert) alerts.Add(alert);
            }
        }

        foreach (var feed in _feeds.Values) feed.Enqueue(statuses, alerts, options.Value);
        return Task.CompletedTask;
    }

    public Task OnSlaChangesAsync(ImmutableArray<SlaSummary> summaries)
    {
        foreach (var feed in _feeds.Values) feed.EnqueueSlas(summaries);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Makes the connection watch exactly <paramref name="componentIds"/> (at most <see cref="RealtimeOptions.MaxWatched"/>
    /// components of the graph; none: stop watching) and returns their current metric highlights; later changes come in
    /// <c>Deltas</c>.
    /// </summary>
    public async Task<ImmutableArray<MetricHighlights>> WatchAsync(string connectionId, string[]? componentIds)
    {
        if (componentIds is null) throw new HubException("componentIds: required, an array of component ids (empty to stop watching)");
        var max = options.Value.MaxWatched;
        if (componentIds.Length > max) throw new HubException($"componentIds: at most {max} components per connection, not {componentIds.Length}");
        var view = await GetTopologyAsync();
        for (var i = 0; i < componentIds.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(componentIds[i])) throw new HubException($"componentIds[{i}]: must not be empty");
            if (!view.Contains(componentIds[i])) throw new HubException($"componentIds[{i}]: unknown component '{componentIds[i]}'");
        }

        if (!_feeds.TryGetValue(connectionId, out var feed)) return [];
        var ids = componentIds.Distinct(StringComparer.Ordinal).ToList();
        feed.Watch(ids);
        return await metricWatch.ReadAsync(ids);
    }

    /// <summary>Reads the metrics of every component some connection watches and queues those that changed for their watchers.</summary>
    public async Task PollWatchedAsync()
    {
        var watched = _feeds.Values.SelectMany(f => f.Watched).ToHashSet(StringComparer.Ordinal);
        var changed = await metricWatch.ChangedAsync(watched);
        if (changed.Count == 0) return;
        foreach (var feed in _feeds.Values) feed.EnqueueMetrics(changed);
    }

    /// <summary>Learns the statuses the impact index holds, so that the first alerts know what they changed from.</summary>
    public async Task LearnStatusesAsync()
    {
        var overview = await grains.GetGrain<IImpactIndexGrain>(IImpactIndexGrain.Key).GetOverviewAsync();
        lock (_known)
        {
            foreach (var c in overview.Components) _known.TryAdd(c.Id, new KnownStatus(c.Status, c.OwnStatus != HealthStatus.Ok));
        }
    }

    /// <summary>
    /// The alert a change raises: a service changed status, or a component failed or recovered on its own. The transition
    /// is judged against what this bridge last saw, because the index keeps only the latest change per component in a batch.
    /// </summary>
    private ImpactAlert? Alert(ImpactChange change)
    {
        var before = _known.TryGetValue(change.Component, out var known) ? known : new KnownStatus(HealthStatus.Ok, false);
        var failingOnItsOwn = change.OwnStatus != HealthStatus.Ok;
        if (change.New == HealthStatus.Ok && !failingOnItsOwn) _known.Remove(change.Component);
        else _known[change.Component] = new KnownStatus(change.New, failingOnItsOwn);
        if (before.Status == change.New) return null;
        var service = string.Equals(change.Kind, ImpactAlert.ServiceKind, StringComparison.Ordinal);
        return service || failingOnItsOwn || before.FailingOnItsOwn
            ? new ImpactAlert(change.Component, change.Kind, before.Status, change.New, change.Reason, change.At)
            : null;
    }

    internal void Connect(string connectionId) => _feeds.TryAdd(connectionId, new ConnectionFeed(connectionId));

    internal void Disconnect(string connectionId) => _feeds.TryRemove(connectionId, out _);

    /// <summary>
    /// The graph and every status that is not Ok, within <paramref name="subscription"/> (null: the connection's current one),
    /// which becomes the connection's subscription. Deltas numbered up to the snapshot's sequence are older than it.
    /// </summary>
    public async Task<ImpactSnapshot> SnapshotAsync(string connectionId, ImpactSubscription? subscription = null)
    {
        // A connection that has just gone gets its snapshot from a feed nobody keeps.
        if (!_feeds.TryGetValue(connectionId, out var feed)) feed = new ConnectionFeed(connectionId);
        var view = await GetTopologyAsync();
        subscription ??= feed.Subscription;
        if (subscription.Service is { } service && !view.Contains(service)) throw new HubException($"unknown component '{service}'");
        var scope = view.Scope(subscription);
        var sequence = feed.BeginSnapshot(subscription, scope);
        try
        {
            var overview = grains.GetGrain<IImpactIndexGrain>(IImpactIndexGrain.Key).GetOverviewAsync();
            var slas = grains.GetGrain<ISlaFeedGrain>(ISlaFeedGrain.Key).GetSummariesAsync();
            return new ImpactSnapshot(
                view.Version,
                time.GetUtcNow(),
                sequence,
                subscription,
                scope is null ? view.Components : [.. view.Components.Where(c => scope.Contains(c.Id))],
                [.. (await overview).Components.Where(c => scope is null || scope.Contains(c.Id)).Select(ComponentStatus.From)],
                await slas);
        }
        finally
        {
            feed.EndSnapshot();
        }
    }

    /// <summary>
    /// Sends every connection with something pending one batch, unless its previous send is still under way; returns
    /// whether some connection still has statuses waiting (a batch was cut by its caps, or a send was under way).
    /// </summary>
    public bool Flush()
    {
        var now = time.GetUtcNow();
        var backlog = false;
        foreach (var feed in _feeds.Values)
        {
            if (feed.TakeBatch(options.Value.MaxBatch, now, options.Value.MaxBatchBytes) is { } deltas) feed.Sending(SendAsync(feed.ConnectionId, deltas));
            backlog |= feed.HasPendingStatuses;
        }

        return backlog;
    }

    /// <summary>Tells every connection when the graph has changed, so that it takes a fresh snapshot.</summary>
    public async Task CheckTopologyAsync()
    {
        var version = await grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key).GetVersionAsync();
        if (_announcedVersion == version) return;
        var first = _announcedVersion is null;
        _announcedVersion = version;
        if (first) return;
        LogTopologyChanged(logger, version, _feeds.Count);
        foreach (var feed in _feeds.Values) feed.TopologyChanged(version);
    }

    private async Task<TopologyView> GetTopologyAsync()
    {
        var topology = grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key);
        var version = await topology.GetVersionAsync();
        if (_topology is { } cached && cached.Version == version) return cached;
        await _topologyGate.WaitAsync();
        try
        {
            if (_topology is { } again && again.Version >= version) return again;
            var view = new TopologyView(await topology.GetSnapshotAsync());
            _topology = view;
            return view;
        }
        finally
        {
            _topologyGate.Release();
        }
    }

    private async Task SendAsync(string connectionId, ImpactDeltas deltas)
    {
        try
        {
            await hub.Clients.Client(connectionId).Deltas(deltas);
        }
        catch (Exception e)
        {
            LogSendFailed(logger, connectionId, deltas.Sequence, e);
        }
    }

    private readonly record struct KnownStatus(HealthStatus Status, bool FailingOnItsOwn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relation graph now at version {Version}: telling {Connections} connections to take a fresh snapshot")]
    private static partial void LogTopologyChanged(ILogger logger, long version, int connections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send deltas {Sequence} to connection {ConnectionId}")]
    private static partial void LogSendFailed(ILogger logger, string connectionId, long sequence, Exception exception);
}
