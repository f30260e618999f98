namespace ImpactMesh.Grains.Interfaces.Health;

/// <summary>One measured value of one of a component's metrics at <see cref="Timestamp"/> (data time).</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.MetricSample")]
public readonly record struct MetricSample(
    [property: Id(0)] string Metric,
    [property: Id(1)] double Value,
    [property: Id(2)] DateTimeOffset Timestamp);
