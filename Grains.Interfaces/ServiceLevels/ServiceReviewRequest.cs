using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>A monthly service review to record: when, who attended, which period's report it discussed, decisions and actions.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ServiceReviewRequest")]
public sealed record ServiceReviewRequest(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string Period,
    [property: Id(2)] ImmutableArray<string> Attendees,
    [property: Id(3)] ImmutableArray<string> Decisions,
    [property: Id(4)] ImmutableArray<ReviewAction> Actions);
