using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>The item after a change, or why it was not changed (<see cref="NotFound"/>, or the problems).</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ImprovementResult")]
public sealed record ImprovementResult(
    [property: Id(0)] ImprovementItem? Item,
    [property: Id(1)] bool NotFound,
    [property: Id(2)] ImmutableArray<DocumentProblem> Errors);
