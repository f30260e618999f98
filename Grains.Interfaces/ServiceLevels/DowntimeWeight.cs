using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>Time in <see cref="Status"/> counts as <see cref="Fraction"/> of downtime (1 = down, 0.5 = half, partial).</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.DowntimeWeight")]
public sealed record DowntimeWeight(
    [property: Id(0)] HealthStatus Status,
    [property: Id(1)] double Fraction);
