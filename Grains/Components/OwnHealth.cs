using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Grains.Components;

/// <summary>
/// A component's own health: the worst of its metrics' status and of the external statuses set on it (one per source,
/// each until it expires or its source sets Ok), with the reason of the worst one.
/// </summary>
internal sealed class OwnHealth
{
    private readonly Dictionary<string, ExternalStatus> _events = new(StringComparer.Ordinal);
    private HealthStatus _metricStatus = HealthStatus.Ok;
    private string _metricReason = "";

    public OwnHealth(IEnumerable<ExternalStatus> events)
    {
        foreach (var e in events) _events[e.Source] = e;
    }

    public HealthStatus Status { get; private set; } = HealthStatus.Ok;

    public string Reason { get; private set; } = "";

    public IReadOnlyCollection<ExternalStatus> Events => _events.Values;

    /// <summary>The earliest time an external status expires, if any.</summary>
    public DateTimeOffset? NextExpiry => _events.Values.Min(e => e.ExpiresAt);

    /// <summary>Sets the status from the metrics; true when the own status or reason changed.</summary>
    public bool SetMetrics(HealthStatus status, string reason)
    {
        (_metricStatus, _metricReason) = (status, reason);
        return Recompute();
    }

    /// <summary>Sets (or with Ok clears) one source's external status; true when the own status or reason changed.</summary>
    public bool Record(ExternalStatus status)
    {
        if (status.Status == HealthStatus.Ok) _events.Remove(status.Source);
        else _events[status.Source] = status;
        return Recompute();
    }

    /// <summary>Drops the external statuses expired at <paramref name="now"/>; returns the time the last one expired, or null when none did.</summary>
    public DateTimeOffset? Expire(DateTimeOffset now)
    {
        var expired = _events.Values.Where(e => e.ExpiresAt <= now).ToList();
        if (expired.Count == 0) return null;
        foreach (var e in expired) _events.Remove(e.Source);
        Recompute();
        return expired.Max(e => e.ExpiresAt);
    }

    private bool Recompute()
    {
        var status = _metricStatus;
        var reason = _metricReason;
        foreach (var e in _events.Values.OrderBy(e => e.Source, StringComparer.Ordinal))
        {
            if (!status.IsKnown() || (e.Status.IsKnown() && e.Status > status))
            {
                status = e.Status;
                reason = $"{e.Source}: {e.Message}";
            }
        }

        if (status == HealthStatus.Ok) reason = "";
        var changed = status != Status || reason != Reason;
        (Status, Reason) = (status, reason);
        return changed;
    }
}
