using ImpactMesh.Grains.Interfaces;
using System.Collections.Immutable;
using ImpactMesh.Grains.Hosting;
using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Monitoring;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace ImpactMesh.Grains.Components;

/// <summary>
/// One service or infrastructure component. It learns its place in the graph from the topology grain (pushed on every
/// change, asked for when it activates untold), combines its own health (<see cref="OwnHealth"/>) with the reports of its
/// dependencies in an <see cref="ImpactNode"/>, passes every change on to its dependents (one-way calls: propagation
/// never waits, so cycles cannot deadlock), records its status history (<see cref="StatusHistory"/>) and publishes each
/// change on the impact stream.
/// </summary>
public sealed partial class ComponentGrain(
    [PersistentState("component", StorageNames.State)] IPersistentState<ComponentState> state,
    [FromKeyedServices(StorageNames.State)] IGrainStorage storage,
    [FromKeyedServices(ServiceKeys.Time)] TimeProvider time,
    IOptions<MetricsOptions> metricsOptions,
    ImpactPublisher publisher,
    PropagationPriority priority,
    StateDurability durability,
    ILogger<ComponentGrain> logger) : Grain, IComponentGrain
{
    private const int HistoryInResponse = 50;
    private const int HistoryDaysInResponse = 7;
    private const string DetectorsRecord = "detectors";
    private const int PersistSpreadMilliseconds = 2_000;
    private static readonly TimeSpan PersistDelay = TimeSpan.FromSeconds(1);

    private ComponentRelations? _relations;
    private bool _configured;
    private ImpactNode? _node;
    private OwnHealth _own = null!;
    private StatusHistory _history = null!;
    private IGrainTimer? _expiryTimer;
    private IGrainTimer? _persistTimer;
    private IGrainTimer? _housekeepingTimer;
    private TimeSpan _housekeepingPeriod;
    private int _housekeepingMetrics;
    private int _housekeepingTicks;
    private readonly int _phase = Random.Shared.Next(1 << 20);

    // A change is persisted 1 to 3 s after it, at this component's own point in that spread: the thousands of components
    // one failure changes together write over two seconds, not in one burst that stalls the failures after it.
    private TimeSpan PersistAfter => PersistDelay + TimeSpan.FromMilliseconds(_phase % PersistSpreadMilliseconds);

    // Learned detectors read at activation (until the metrics take them) and the ETag of their stored record.
    private Dictionary<string, MetricDetectorState>? _restoredDetectors;
    private string? _detectorsETag;
    private IGrainTimer? _writeTimer;
    private IGrainTimer? _pullTimer;

    // Hours of metric history not yet taken by their history grains (retried on every flush), and this activation's name
    // as their writer: a history grain adds up the parts of successive activations within one hour.
    private readonly List<UnwrittenHour> _unwritten = [];
    private string? _writer;
    private ComponentMetrics _metrics = null!;
    private bool _dirty;
    private DateTimeOffset? _since;

    private string Id { get; set; } = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _own = new OwnHealth(state.State.Events);
        _metrics = new ComponentMetrics(metricsOptions.Value);
        Id = this.GetPrimaryKeyString();
        _history = new StatusHistory(state.State);
        _since = _history.Last?.At;
        _unwritten.AddRange(state.State.UnwrittenHistory);
        if (metricsOptions.Value.PersistDetectors)
        {
            var record = new GrainState<ComponentDetectorsState>();
            await storage.ReadStateAsync(DetectorsRecord, this.GetGrainId(), record);
            _restoredDetectors = record.State?.Detectors;
            _detectorsETag = record.ETag;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!durability.WorthWriting(reason)) return;
        if (metricsOptions.Value.PersistDetectors && _metrics.Count > 0) await PersistDetectorsAsync();

        // History first: what its grains cannot take is persisted with the state. A silo shutting down cannot place
        // them, so it does not try (every try would fail through Orleans' placement retries).
        var send = reason.ReasonCode != DeactivationReasonCode.ShuttingDown;
        await WriteHistoryAsync(includeOpen: true, deactivating: true, send);
        if (send) await WriteStatusHistoryAsync(deactivating: true);
        if (_dirty) await PersistAsync();
    }

    public async Task ConfigureAsync(ComponentRelations? relations)
    {
        if (_configured && relations is not null && _relations is not null && relations.Version < _relations.Version) return;
        _configured = true;
        _relations = relations;
        var at = time.GetUtcNow();
        if (relations is null)
        {
            if (_node is not null) Publish(_node.Status, at, removed: true);
            _node = null;
            DeactivateOnIdle();
            return;
        }

        // The topology's instance of the id, rather than this activation's own copy decoded from its grain key.
        Id = relations.Definition.Id;
        var changes = ImpactChanges.None;
        _metrics.Configure(relations.Definition.Metrics, _node is null ? _restoredDetectors ?? state.State.Detectors : null);
        _restoredDetectors = null;
        _metrics.KeepsHistory = metricsOptions.Value.HistoryForKinds.Contains(relations.Definition.Kind, StringComparer.OrdinalIgnoreCase);
        var (metricStatus, metricReason) = _metrics.Health();
        _own.SetMetrics(metricStatus, metricReason);
        ScheduleHousekeeping(metricsChanged: true);
        if (_node is null)
        {
            // Reports are ordered by sequence; starting from the wall clock keeps a reactivated grain's reports newer than
            // those of its previous activation. This is an ordering token, not business time.
            _node = new ImpactNode(relations.Definition, NonPropagating(relations), TimeProvider.System.GetUtcNow().UtcTicks);
            _node.SetMaintenance(state.State.Maintenance is not null);
            _node.SetOwnStatus(_own.Status, _own.Reason);

            // Dependents count a dependency that has not reported as Ok, so only a problem needs telling.
            if (_node.Status != HealthStatus.Ok || _node.InMaintenance) changes = ImpactChanges.Status | ImpactChanges.Report;
        }
        else
        {
            changes = _node.Reconfigure(relations.Definition, NonPropagating(relations)) | _node.SetOwnStatus(_own.Status, _own.Reason);
        }

        Process(HealthStatus.Ok, changes, at);
        ScheduleExpiry();
        if (!_node.Dependencies.IsEmpty)
        {
            _pullTimer?.Dispose();
            _pullTimer = this.RegisterGrainTimer(PullDependenciesAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
    }

    public async Task<ComponentRelations?> GetRelationsAsync()
    {
        await EnsureConfiguredAsync();
        return _relations;
    }

    public async Task<SampleBatchResult> RecordSamplesAsync(ImmutableArray<MetricSample> samples)
    {
        if (!await EnsureConfiguredAsync()) return new SampleBatchResult(0, [], UnknownComponent: true);
        var (rejected, latest) = _metrics.Observe(samples.AsSpan(), time.GetUtcNow());
        if (latest is { } at)
        {
            ScheduleHousekeeping();
            UpdateMetricHealth(at);
            await WriteHistoryAsync(includeOpen: false);
        }

        return new SampleBatchResult(samples.Length - rejected.Length, rejected);
    }

    public Task ApplyReportAsync(ImpactReport report)
    {
        // The hot path of propagation: a configured grain handles a report without an await.
        if (!_configured) return ApplyWhenConfiguredAsync(report);
        Apply(report);
        return Task.CompletedTask;
    }

    private async Task ApplyWhenConfiguredAsync(ImpactReport report)
    {
        await EnsureConfiguredAsync();
        Apply(report);
    }

    private void Apply(ImpactReport report)
    {
        if (_node is null) return;
        priority.Step();
        Process(_node.Status, _node.Apply(report), report.At == default ? time.GetUtcNow() : report.At);
    }

    public async Task<ImpactReport?> GetReportAsync()
    {
        if (!await EnsureConfiguredAsync()) return null;
        return _node!.CreateReport(_history.Last?.At ?? time.GetUtcNow());
    }

    public async Task<ComponentHealth?> GetHealthAsync()
    {
        if (!await EnsureConfiguredAsync()) return null;
        Expire();
        var node = _node!;
        var health = new ComponentHealth(
            Id, node.Status, node.Reason, _since, node.OwnStatus, node.OwnReason, node.DerivedStatus, state.State.Maintenance,
            node.RootCauses, node.TotalRootCauses, [.. _own.Active], [], _metrics.Snapshot());

        // The newest changes: those waiting to be written, then the newest written days until there are enough (at most
        // a week of them: the detail is read every second while watched; older changes are the timeline's).
        var written = new List<StatusChange>();
        if (_history.Unwritten.Count < HistoryInResponse)
        {
            foreach (var day in _history.DaysNewestFirst().Take(HistoryDaysInResponse))
            {
                written.AddRange(await StatusDay(day).GetChangesAsync(day, day.AddDays(1)));
                if (written.Count + _history.Unwritten.Count >= HistoryInResponse) break;
            }
        }

        return health with { History = _history.Newest(written, HistoryInResponse) };
    }

    public async Task<ImmutableArray<StatusChange>> GetTimelineAsync(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return [];
        var days = await Task.WhenAll(_history.DaysFor(from, to).Select(day => StatusDay(day).GetChangesAsync(from, to)));
        return _history.Between(days.SelectMany(changes => changes), from, to);
    }

    private IStatusHistoryGrain StatusDay(DateTimeOffset day) => GrainReferences.Get<IStatusHistoryGrain>(GrainFactory, IMetricHistoryGrain.KeyOf(Id, day));

    public async Task<bool> RecordEventAsync(ExternalStatus status)
    {
        if (!await EnsureConfiguredAsync()) return false;
        Expire();
        var before = _node!.Status;
        var changed = _own.Record(status);
        state.State.Events = [.. _own.Events];
        MarkDirty();
        ScheduleExpiry();
        Process(before, _node.SetOwnStatus(_own.Status, _own.Reason), status.At, ownChanged: changed);
        return true;
    }

    public async Task<bool> SetMaintenanceAsync(Maintenance? maintenance)
    {
        if (!await EnsureConfiguredAsync()) return false;
        var before = _node!.Status;
        state.State.Maintenance = maintenance;
        MarkDirty();
        ScheduleExpiry();
        Process(before, _node.SetMaintenance(maintenance is not null), maintenance?.From ?? time.GetUtcNow());
        return true;
    }

    /// <summary>Passes a change of the metrics' health on as the component's own status, at data time <paramref name="at"/>.</summary>
    private void UpdateMetricHealth(DateTimeOffset at)
    {
        var (status, reason) = _metrics.Health();
        if (!_own.SetMetrics(status, reason) || _node is null) return;
        var before = _node.Status;
        Process(before, _node.SetOwnStatus(_own.Status, _own.Reason), at, ownChanged: true);
    }

    /// <summary>
    /// Writes sealed hours of metric history (and, with <paramref name="includeOpen"/>, the current ones) to their history
    /// grains, with those that failed before, when <paramref name="send"/>. What fails or is not sent is kept for the next
    /// flush, and persisted with the state.
    /// </summary>
    private async Task WriteHistoryAsync(bool includeOpen, bool deactivating = false, bool send = true)
    {
        foreach (var (metric, bucket) in _metrics.TakeHistory(includeOpen))
        {
            _writer ??= Guid.NewGuid().ToString("N");
            var hour = new UnwrittenHour(metric, _writer, bucket);
            var i = _unwritten.FindIndex(h => h.Metric == metric && h.Writer == _writer && h.Bucket.Start == bucket.Start);
            if (i < 0) _unwritten.Add(hour);
            else _unwritten[i] = hour;
        }

        if (_unwritten.Count > 0 && send && durability.WorthWritingNow)
        {
            // One call per day grain and writer (an earlier activation's hours keep their writer).
            var groups = _unwritten.GroupBy(h => (Day: IMetricHistoryGrain.KeyOf(Id, h.Bucket.Start), h.Writer)).ToList();
            var written = await Task.WhenAll(groups.Select(g => TryWriteAsync(g.Key.Day, g.Key.Writer, [.. g])));
            for (var i = 0; i < groups.Count; i++)
            {
                if (written[i]) _unwritten.RemoveAll(groups[i].Contains);
            }
        }

        if (state.State.UnwrittenHistory.SequenceEqual(_unwritten)) return;
        state.State.UnwrittenHistory = [.. _unwritten];
        if (deactivating) _dirty = true;
        else MarkDirty();
    }

    private async Task<bool> TryWriteAsync(string day, string writer, UnwrittenHour[] hours)
    {
        try
        {
            await GrainReferences.Get<IMetricHistoryGrain>(GrainFactory, day).AppendAsync([.. hours.Select(h => new MetricHour(h.Metric, h.Bucket))], writer);
            return true;
        }
        catch (Exception e)
        {
            LogHistoryFailed(logger, day, hours.Length, e);
            return false;
        }
    }

    /// <summary>
    /// Starts the component's one housekeeping timer (a timer per duty would cost memory in every grain): it checks for
    /// stale metrics every tick, a quarter of the shortest <c>staleAfter</c> (1-60 s), and writes metric and status history
    /// and persists learned detectors on the ticks their periods come round. Started again when the metrics change.
    /// </summary>
    private void ScheduleHousekeeping(bool metricsChanged = false)
    {
        if (_housekeepingTimer is not null && !metricsChanged && _metrics.Count == _housekeepingMetrics) return;
        if (_metrics.Count == 0 && _unwritten.Count == 0 && _history.Unwritten.Count == 0) return;
        _housekeepingMetrics = _metrics.Count;
        var period = TimeSpan.FromSeconds(_metrics.Count == 0 ? 60 : Math.Clamp(_metrics.Detectors.Min(d => d.Settings.StaleAfter.TotalSeconds) / 4, 1, 60));
        if (_housekeepingTimer is not null && period == _housekeepingPeriod) return;
        _housekeepingTimer?.Dispose();
        _housekeepingPeriod = period;
        _housekeepingTimer = this.RegisterGrainTimer(OnHousekeepingAsync, period, new GrainTimerCreationOptions(period, period));
    }

    private async Task OnHousekeepingAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        var tick = ++_housekeepingTicks;
        var now = time.GetUtcNow();
        if (_metrics.CheckStale(now)) UpdateMetricHealth(now);
        var options = metricsOptions.Value;
        if ((_metrics.KeepsHistory || _unwritten.Count > 0) && IsDue(tick, options.HistoryFlushEvery, period)) await WriteHistoryAsync(includeOpen: true);
        if (_history.Unwritten.Count > 0 && IsDue(tick, options.HistoryFlushEvery, period)) await WriteStatusHistoryAsync();
        if (options.PersistDetectors && _metrics.Count > 0 && IsDue(tick, options.PersistDetectorsEvery, period)) await PersistDetectorsAsync();
    }

    /// <summary>
    /// Writes the learned detectors to their own record (<see cref="ComponentDetectorsState"/>) through the storage
    /// directly: a persistent-state member would keep the record, and its bridge, in memory for the grain's life.
    /// </summary>
    private async Task PersistDetectorsAsync()
    {
        if (!durability.WorthWritingNow) return;
        var record = new GrainState<ComponentDetectorsState>(new ComponentDetectorsState { Detectors = _metrics.ToState() }, _detectorsETag);
        try
        {
            await storage.WriteStateAsync(DetectorsRecord, this.GetGrainId(), record);
            _detectorsETag = record.ETag;
            if (state.State.Detectors is not null)
            {
                // Moved out of the component state (written before detectors had their own record).
                state.State.Detectors = null;
                MarkDirty();
            }
        }
        catch (Exception e)
        {
            LogPersistFailed(logger, Id, e);
        }
    }

    /// <summary>
    /// Writes the status changes not yet written to their days' grains (see <see cref="StatusHistory"/>); what fails is
    /// kept, and persisted, for the next flush.
    /// </summary>
    private async Task WriteStatusHistoryAsync(bool deactivating = false)
    {
        _writeTimer?.Dispose();
        _writeTimer = null;
        var days = _history.UnwrittenByDay();
        if (days.Count == 0 || !durability.WorthWritingNow) return;
        var written = await Task.WhenAll(days.Select(d => TryWriteStatusAsync(d.Day, d.Changes)));
        for (var i = 0; i < days.Count; i++)
        {
            if (written[i]) _history.Written(days[i].Day, days[i].Changes);
        }

        _history.Forget(time.GetUtcNow());
        if (deactivating) _dirty = true;
        else MarkDirty();
    }

    private async Task<bool> TryWriteStatusAsync(DateTimeOffset day, ImmutableArray<StatusChange> changes)
    {
        try
        {
            await StatusDay(day).AppendAsync(changes);
            return true;
        }
        catch (Exception e)
        {
            LogStatusHistoryFailed(logger, Id, day, changes.Length, e);
            return false;
        }
    }

    // Each component counts its ticks from a random phase: components activated together (a topology load) would
    // otherwise all write on the same tick, and 10,000 storage writes at once stall the silo for seconds.
    private bool IsDue(int tick, TimeSpan every, TimeSpan period) => (tick + _phase) % Math.Max(1, (int)Math.Round(every / period)) == 0;

    private async Task<bool> EnsureConfiguredAsync()
    {
        if (!_configured)
        {
            var relations = await GrainFactory.GetGrain<ITopologyGrain>(ITopologyGrain.Key).GetComponentAsync(Id);
            if (!_configured) await ConfigureAsync(relations);
        }

        return _node is not null;
    }

    private async Task PullDependenciesAsync(CancellationToken cancellationToken)
    {
        // A one-shot timer stays registered (and in memory) until disposed.
        _pullTimer?.Dispose();
        _pullTimer = null;
        if (_node is null) return;
        var reports = await Task.WhenAll(_node.Dependencies.Select(id => GrainReferences.Get<IComponentGrain>(GrainFactory, id).GetReportAsync()));
        foreach (var report in reports)
        {
            if (report is not null) Apply(report);
        }
    }

    /// <summary>
    /// Records, passes on and publishes what a change did; <paramref name="before"/> is the status before it. The timeline
    /// starts with the first change: before it, the component's status is not known to have been anything but Ok.
    /// </summary>
    private void Process(HealthStatus before, ImpactChanges changes, DateTimeOffset at, bool ownChanged = false)
    {
        var node = _node!;
        if (node.Status != before)
        {
            _history.Add(new StatusChange(at, node.Status, node.Reason, [.. node.RootCauses.Select(r => r.Id)]));
            _since = at;
            MarkDirty();
            ScheduleHousekeeping();
            if (_history.MustWrite) _writeTimer ??= this.RegisterGrainTimer(_ => WriteStatusHistoryAsync(), new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }

        if (changes == ImpactChanges.None && !ownChanged) return;
        if ((changes & ImpactChanges.Report) != 0)
        {
            // Each dependent is listed once (a component cannot depend on another twice). Their references are made per
            // send, not kept: sends are rare (a change), a kept reference per relation is ~80 bytes for as long as the grain lives.
            var report = node.CreateReport(at);
            priority.Step();
            foreach (var dependent in _relations!.Dependents) _ = GrainReferences.Get<IComponentGrain>(GrainFactory, dependent.Id).ApplyReportAsync(report);
        }

        Publish(before, at, removed: false);
    }

    private void Publish(HealthStatus before, DateTimeOffset at, bool removed)
    {
        var node = _node!;
        publisher.Publish(removed
            ? new ImpactChange(Id, node.Definition.Kind, before, HealthStatus.Ok, HealthStatus.Ok, false, "removed from the graph", [], 0, at, time.GetUtcNow())
            : new ImpactChange(Id, node.Definition.Kind, before, node.Status, node.OwnStatus, node.InMaintenance, node.Reason, node.RootCauses, node.TotalRootCauses, at, time.GetUtcNow()));
    }

    private void Expire()
    {
        var now = time.GetUtcNow();
        var changes = ImpactChanges.None;
        var before = _node?.Status ?? HealthStatus.Ok;
        DateTimeOffset? at = null;
        if (_own.Expire(now) is { } expiredAt)
        {
            state.State.Events = [.. _own.Events];
            changes |= _node?.SetOwnStatus(_own.Status, _own.Reason) ?? ImpactChanges.None;
            at = expiredAt;
        }

        if (state.State.Maintenance is { Until: { } until } && until <= now)
        {
            state.State.Maintenance = null;
            changes |= _node?.SetMaintenance(false) ?? ImpactChanges.None;
            at = at is null || until > at ? until : at;
        }

        if (at is null) return;
        MarkDirty();
        if (_node is not null) Process(before, changes, at.Value, ownChanged: true);
        ScheduleExpiry();
    }

    private void ScheduleExpiry()
    {
        var next = new[] { _own.NextExpiry, state.State.Maintenance?.Until }.Where(t => t is not null).Min();
        _expiryTimer?.Dispose();
        _expiryTimer = null;
        if (next is null) return;
        var due = next.Value - time.GetUtcNow();
        _expiryTimer = this.RegisterGrainTimer(_ =>
        {
            Expire();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { Interleave = false });
    }

    private void MarkDirty()
    {
        _dirty = true;
        _persistTimer ??= this.RegisterGrainTimer(_ => PersistAsync(), new GrainTimerCreationOptions(PersistAfter, Timeout.InfiniteTimeSpan));
    }

    private async Task PersistAsync()
    {
        _persistTimer?.Dispose();
        _persistTimer = null;
        if (!_dirty || !durability.WorthWritingNow) return;
        _dirty = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogPersistFailed(logger, Id, e);
            MarkDirty();
        }
    }

    private static IEnumerable<int> NonPropagating(ComponentRelations relations) => relations.NonPropagating.IsDefault ? [] : relations.NonPropagating;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metric history {Day} could not take {Hours} hours; kept to retry")]
    private static partial void LogHistoryFailed(ILogger logger, string day, int hours, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Component {Component} could not write {Changes} status changes of {Day:yyyy-MM-dd} to their history; kept to retry")]
    private static partial void LogStatusHistoryFailed(ILogger logger, string component, DateTimeOffset day, int changes, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Component {Component} could not persist its state; retrying")]
    private static partial void LogPersistFailed(ILogger logger, string component, Exception exception);
}
