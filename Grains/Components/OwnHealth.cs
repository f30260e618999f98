using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Grains.Components;

/// <summary>
/// A component's own health: the worst of its metrics' status and of the external statuses set on it (one per source,
/// each until it expires or its source sets Ok), with the reason of the worst one. Per source the event with the latest
/// timestamp wins, whatever order events arrive in (an Ok is kept as the source's latest word).
/// </summary>
internal sealed class OwnHealth
{
    // Created with the first event: most components never get one.
    private Dictionary<string, ExternalStatus>? _events;
    private HealthStatus _metricStatus = HealthStatus.Ok;
    private string _metricReason = "";

    public OwnHealth(IEnumerable<ExternalStatus> events)
    {
        foreach (var e in events) (_events ??= new(StringComparer.Ordinal))[e.Source] = e;
    }

    public HealthStatus Status { get; private set; } = HealthStatus.Ok;

    public string Reason { get; private set; } = "";

    /// <summary>Every source's latest event, the Ok ones included (they keep an older, late event from counting).</summary>
    public IReadOnlyCollection<ExternalStatus> Events => _events is null ? [] : _events.Values;

    /// <summary>The external statuses that count now (not Ok).</summary>
    public IEnumerable<ExternalStatus> Active => Events.Where(e => e.Status != HealthStatus.Ok);

    /// <summary>The earliest time an external status expires, if any.</summary>
    public DateTimeOffset? NextExpiry => Active.Min(e => e.ExpiresAt);

    /// <summary>Sets the status from the metrics; true when the own status or reason changed.</summary>
    public bool SetMetrics(HealthStatus status, string reason)
    {
        if (status == _metricStatus && reason == _metricReason) return false;
        (_metricStatus, _metricReason) = (status, reason);
        return Recompute();
    }

    /// <summary>
    /// Sets (or with Ok clears) one source's external status, unless the source already said something later;
    /// true when the own status or reason changed.
    /// </summary>
    public bool Record(ExternalStatus status)
    {
        _events ??= new(StringComparer.Ordinal);
        if (_events.TryGetValue(status.Source, out var known) && known.At > status.At) return false;
        _events[status.Source] = status;
        return Recompute();
    }

    /// <summary>Drops the external statuses expired at <paramref name="now"/>; returns the time the last one expired, or null when none did.</summary>
    public DateTimeOffset? Expire(DateTimeOffset now)
    {
        var expired = Active.Where(e => e.ExpiresAt <= now).ToList();
        if (expired.Count == 0) return null;
        foreach (var e in expired) _events![e.Source] = e with { Status = HealthStatus.Ok, Message = "expired", ExpiresAt = null };
        Recompute();
        return expired.Max(e => e.ExpiresAt);
    }

    private bool Recompute()
    {
        var status = _metricStatus;
        var reason = _metricReason;
        if (_events is { Count: > 0 })
        {
            foreach (var e in Active.OrderBy(e => e.Source, StringComparer.Ordinal))
            {
                if (!status.IsKnown() || (e.Status.IsKnown() && e.Status > status))
                {
                    status = e.Status;
                    reason = $"{e.Source}: {e.Message}";
                }
            }
        }

        if (status == HealthStatus.Ok) reason = "";
        var changed = status != Status || reason != Reason;
        (Status, Reason) = (status, reason);
        return changed;
    }
}
