namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>An objective's achieved level in one past period, for the trend of a service report.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.PeriodLevel")]
public sealed record PeriodLevel(
    [property: Id(0)] string Slo,
    [property: Id(1)] TimeInterval Period,
    [property: Id(2)] double? Achieved,
    [property: Id(3)] double Target,
    [property: Id(4)] SloOutcome Outcome);
