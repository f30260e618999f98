using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Monitoring;

/// <summary>Combines the health of a component's metrics.</summary>
internal static class MetricHealthRollup
{
    /// <summary>
    /// The worst known status of the metrics (Unknown only if no metric is known, or there are none), and the metric that
    /// decides it (the earliest <c>Since</c> among the worst, for a stable reason); null when there are no metrics.
    /// </summary>
    public static (HealthStatus Status, MetricHealth? Worst) Worst(IEnumerable<MetricHealth> metrics)
    {
        var status = HealthStatus.Unknown;
        MetricHealth? worst = null;
        foreach (var m in metrics)
        {
            if (worst is null)
            {
                (status, worst) = (m.Status, m);
                continue;
            }

            var combined = status.Worse(m.Status);
            if (combined == status && m.Status != status) continue;
            if (m.Status == status && (m.Since ?? DateTimeOffset.MaxValue) >= (worst.Since ?? DateTimeOffset.MaxValue)) continue;
            (status, worst) = (combined, m);
        }

        return (status, worst);
    }
}
