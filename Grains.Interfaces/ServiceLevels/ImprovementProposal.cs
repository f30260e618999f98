using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>A proposed service improvement item for a missed or breached objective.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ImprovementProposal")]
public sealed record ImprovementProposal(
    [property: Id(0)] string SlaId,
    [property: Id(1)] string Slo,
    [property: Id(2)] TimeInterval Period,
    [property: Id(3)] SloOutcome Outcome,
    [property: Id(4)] string Title,
    [property: Id(5)] string Description,
    [property: Id(6)] ImmutableArray<RootCauseShare> RootCauses,
    [property: Id(7)] DateOnly DueDate);
