namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>The counted downtime minutes a root cause contributed, and its share of the total in %.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.RootCauseShare")]
public sealed record RootCauseShare(
    [property: Id(0)] string RootCause,
    [property: Id(1)] double Minutes,
    [property: Id(2)] double Percent);
