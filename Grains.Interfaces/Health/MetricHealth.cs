using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Health;

/// <summary>
/// The health of one metric of a component: its <see cref="Status"/> since <see cref="Since"/> (data time) for
/// <see cref="Reason"/>, the last sample, the adaptive band and anomaly score of that sample, the rolling statistics and
/// the most recent samples for charting (oldest first, bounded).
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.MetricHealth")]
public sealed record MetricHealth(
    [property: Id(0)] string Metric,
    [property: Id(1)] HealthStatus Status,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset? Since,
    [property: Id(4)] double? LastValue,
    [property: Id(5)] DateTimeOffset? LastTimestamp,
    [property: Id(6)] double? BandLower,
    [property: Id(7)] double? BandUpper,
    [property: Id(8)] double AnomalyScore,
    [property: Id(9)] MetricStatistics Statistics,
    [property: Id(10)] ImmutableArray<MetricPoint> Recent);
