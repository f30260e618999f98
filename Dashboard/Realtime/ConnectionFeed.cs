using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// One connection's bounded queue: the latest status per component (coalesced) within its subscription, the alerts not
/// yet sent (oldest dropped past a bound), the latest metric highlights per watched component and the latest summary
/// per SLA (both coalesced), and whether it must take a fresh snapshot. A batch is taken only when the previous send has
/// completed, so a slow client gets fewer, larger batches and never holds up the others.
/// </summary>
internal sealed class ConnectionFeed(string connectionId)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ComponentStatus> _pending = new(StringComparer.Ordinal);
    private readonly Queue<ImpactAlert> _alerts = new();
    private readonly Dictionary<string, MetricHighlights> _metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlaSummary> _slas = new(StringComparer.Ordinal);
    private ImmutableHashSet<string> _watched = [];
    private IReadOnlySet<string>? _scope;
    private long _sequence;
    private long? _topologyVersion;
    private bool _resync;
    private int _snapshotsInProgress;
    private Task _sending = Task.CompletedTask;

    public string ConnectionId { get; } = connectionId;

    public ImpactSubscription Subscription { get; private set; } = ImpactSubscription.Everything;

    /// <summary>The components whose metric highlights this connection receives.</summary>
    public ImmutableHashSet<string> Watched
    {
        get
        {
            lock (_gate) return _watched;
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate) return _pending.Count;
        }
    }

    public void Enqueue(IReadOnlyList<ComponentStatus> statuses, IReadOnlyList<ImpactAlert> alerts, RealtimeOptions options)
    {
        lock (_gate)
        {
            foreach (var status in statuses)
            {
                if (_scope is null || _scope.Contains(status.Id)) _pending[status.Id] = Merge(status);
            }

            if (_pending.Count > options.MaxPending)
            {
                _pending.Clear();
                _resync = true;
            }

            foreach (var alert in alerts)
            {
                if (_scope is not null && !_scope.Contains(alert.Component)) continue;
                _alerts.Enqueue(alert);
                if (_alerts.Count > options.MaxPendingAlerts) _alerts.Dequeue();
            }
        }
    }

    /// <summary>Watches exactly <paramref name="ids"/> from now on (none: stops watching); pending highlights of others are dropped.</summary>
    public void Watch(IEnumerable<string> ids)
    {
        lock (_gate)
        {
            _watched = [.. ids];
            foreach (var id in _metrics.Keys.Where(id => !_watched.Contains(id)).ToList()) _metrics.Remove(id);
        }
    }

    /// <summary>Queues the highlights of the components this connection watches (the latest per component).</summary>
    public void EnqueueMetrics(IReadOnlyList<MetricHighlights> highlights)
    {
        lock (_gate)
        {
            foreach (var h in highlights)
            {
                if (_watched.Contains(h.Id)) _metrics[h.Id] = h;
            }
        }
    }

    /// <summary>Queues SLA summaries (the latest per SLA).</summary>
    public void EnqueueSlas(IReadOnlyList<SlaSummary> summaries)
    {
        lock (_gate)
        {
            foreach (var s in summaries) _slas[s.Id] = s;
        }
    }

    public void TopologyChanged(long version)
    {
        lock (_gate) _topologyVersion = version;
    }

    /// <summary>
    /// Pauses sending while a snapshot is read and returns the sequence it follows. Pending statuses are dropped: each was
    /// applied by the impact index (SLA summaries: by the SLA feed) before it was forwarded, so the snapshot read after this
    /// holds it or something newer. Metric highlights are not part of a snapshot and stay.
    /// </summary>
    public long BeginSnapshot(ImpactSubscription subscription, IReadOnlySet<string>? scope)
    {
        lock (_gate)
        {
            _snapshotsInProgress++;
            Subscription = subscription;
            _scope = scope;
            _pending.Clear();
            _slas.Clear();
            _resync = false;
            _topologyVersion = null;
            return _sequence;
        }
    }

    public void EndSnapshot()
    {
        lock (_gate) _snapshotsInProgress--;
    }

    /// <summary>
    /// The next batch (at most <paramref name="maxBatch"/> statuses and, beyond the first, about <paramref name="maxBytes"/>
    /// of them as JSON; every pending alert, highlight and SLA summary), or null when there is nothing to send or a send is
    /// under way. Statuses go oldest first.
    /// </summary>
    public ImpactDeltas? TakeBatch(int maxBatch, DateTimeOffset now, int maxBytes = int.MaxValue)
    {
        lock (_gate)
        {
            if (_snapshotsInProgress > 0 || !_sending.IsCompleted) return null;
            if (_pending.Count == 0 && _alerts.Count == 0 && _metrics.Count == 0 && _slas.Count == 0 && _topologyVersion is null && !_resync) return null;
            var taken = ImmutableArray.CreateBuilder<ComponentStatus>(Math.Min(maxBatch, _pending.Count));
            long bytes = 0;
            foreach (var status in _pending.Values)
            {
                // At least one status per message, however large.
                bytes += status.EstimatedBytes;
                if (taken.Count == maxBatch || (taken.Count > 0 && bytes > maxBytes)) break;
                taken.Add(status);
            }

            foreach (var status in taken) _pending.Remove(status.Id);
            var statuses = taken.ToImmutable();

            ImmutableArray<ImpactAlert> alerts = [.. _alerts];
            _alerts.Clear();
            ImmutableArray<MetricHighlights> metrics = [.. _metrics.Values];
            _metrics.Clear();
            ImmutableArray<SlaSummary> slas = [.. _slas.Values];
            _slas.Clear();
            var deltas = new ImpactDeltas(++_sequence, now, statuses, alerts, metrics, slas, _topologyVersion, _resync);
            _topologyVersion = null;
            _resync = false;
            return deltas;
        }
    }

    /// <summary>Whether statuses are still waiting (a batch was cut by its caps, or more arrived).</summary>
    public bool HasPendingStatuses
    {
        get
        {
            lock (_gate) return _pending.Count > 0;
        }
    }

    public void Sending(Task send)
    {
        lock (_gate) _sending = send;
    }

    /// <summary>Keeps the start of the status episode when a later change of the same component did not change its status.</summary>
    private ComponentStatus Merge(ComponentStatus status) =>
        status.Since is null && _pending.TryGetValue(status.Id, out var earlier) && earlier.Since is not null && earlier.Status == status.Status
            ? status with { Since = earlier.Since }
            : status;
}
