using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>
/// "Set status <see cref="Set"/> when <see cref="Comparison"/> <see cref="Threshold"/> (<see cref="Measure"/>)
/// of the dependencies are at <see cref="Status"/> or worse."
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.AdditionalRule")]
public sealed record AdditionalRule(
    [property: Id(0)] HealthStatus Set,
    [property: Id(1)] ThresholdComparison Comparison,
    [property: Id(2)] ThresholdMeasure Measure,
    [property: Id(3)] double Threshold,
    [property: Id(4)] HealthStatus Status);
