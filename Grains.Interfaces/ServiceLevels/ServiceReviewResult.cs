using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>The review recorded, or the problems that kept it from being recorded.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ServiceReviewResult")]
public sealed record ServiceReviewResult(
    [property: Id(0)] ServiceReview? Review,
    [property: Id(1)] ImmutableArray<DocumentProblem> Errors);
