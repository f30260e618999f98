namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>Where one objective stands in the current period so far (SLA-wide figure).</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SloStanding")]
public sealed record SloStanding(
    [property: Id(0)] string Slo,
    [property: Id(1)] SloKind Kind,
    [property: Id(2)] double? Achieved,
    [property: Id(3)] double Target,
    [property: Id(4)] string Unit,
    [property: Id(5)] SloOutcome Outcome,
    [property: Id(6)] ErrorBudget Budget);
