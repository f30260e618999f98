namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>When the achieved level is worse than <see cref="WorseThan"/>, <see cref="Percent"/> of the period fee is credited.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.CreditTier")]
public sealed record CreditTier(
    [property: Id(0)] double WorseThan,
    [property: Id(1)] double Percent);
