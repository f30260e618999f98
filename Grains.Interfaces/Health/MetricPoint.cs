namespace ImpactMesh.Grains.Interfaces.Health;

/// <summary>
/// One recent sample of a metric for charting, with the adaptive band in force when it arrived
/// (<see cref="Lower"/>/<see cref="Upper"/> are null while the band is not learned or not applicable to the direction).
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.MetricPoint")]
public sealed record MetricPoint(
    [property: Id(0)] DateTimeOffset Timestamp,
    [property: Id(1)] double Value,
    [property: Id(2)] double? Lower,
    [property: Id(3)] double? Upper);
