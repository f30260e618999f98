namespace ImpactMesh.Grains.Interfaces.Health;

/// <summary>
/// Rolling statistics of one metric over its time window (<c>MetricSettings.Window</c>).
/// <see cref="Count"/>, <see cref="Mean"/>, <see cref="StdDev"/>, <see cref="Min"/> and <see cref="Max"/> are exact over the
/// window; the quantiles, <see cref="Median"/> and <see cref="Mad"/> (median absolute deviation) are estimated from a bounded,
/// evenly time-spaced sample of the window; <see cref="Ewma"/> is an exponentially weighted mean with a time constant of
/// a sixth of the window. All are NaN when the window holds no sample.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.MetricStatistics")]
public sealed record MetricStatistics(
    [property: Id(0)] long Count,
    [property: Id(1)] double Mean,
    [property: Id(2)] double StdDev,
    [property: Id(3)] double Ewma,
    [property: Id(4)] double Min,
    [property: Id(5)] double Max,
    [property: Id(6)] double P50,
    [property: Id(7)] double P95,
    [property: Id(8)] double P99,
    [property: Id(9)] double Median,
    [property: Id(10)] double Mad);
