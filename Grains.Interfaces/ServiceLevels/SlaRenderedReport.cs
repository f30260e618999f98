namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>A rendered service report (<see cref="Content"/>), or <see cref="Error"/> saying why there is none.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaRenderedReport")]
public sealed record SlaRenderedReport(
    [property: Id(0)] string? Content,
    [property: Id(1)] string? Error);
