namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>A credit is earned back (waived) when each of the next <see cref="Periods"/> periods achieves at least <see cref="Level"/>.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.EarnBackRule")]
public sealed record EarnBackRule(
    [property: Id(0)] int Periods,
    [property: Id(1)] double Level);
