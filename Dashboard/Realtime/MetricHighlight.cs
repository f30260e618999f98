using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// One metric of a watched component as the live feed shows it: its status and why (since when), the last sample, the
/// adaptive band and the anomaly score of that sample (the same names as in <c>GET /api/components/{id}</c>).
/// </summary>
public sealed record MetricHighlight(
    string Metric,
    HealthStatus Status,
    string Reason,
    DateTimeOffset? Since,
    double? LastValue,
    DateTimeOffset? LastTimestamp,
    double? BandLower,
    double? BandUpper,
    double AnomalyScore)
{
    public static MetricHighlight From(MetricHealth m) =>
        new(m.Metric, m.Status, m.Reason, m.Since, m.LastValue, m.LastTimestamp, m.BandLower, m.BandUpper, m.AnomalyScore);
}
