using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// The credit table of an SLA: the worst tier reached by objective <see cref="Slo"/> (combined figure) decides the credit,
/// capped at <see cref="CapPercent"/> of the period fee; <see cref="EarnBack"/> is optional.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.CreditPolicy")]
public sealed record CreditPolicy(
    [property: Id(0)] string Slo,
    [property: Id(1)] ImmutableArray<CreditTier> Tiers,
    [property: Id(2)] double CapPercent,
    [property: Id(3)] EarnBackRule? EarnBack);
