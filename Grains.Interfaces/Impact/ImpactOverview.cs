using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>Every component not Ok right now (or in maintenance), worst first.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ImpactOverview")]
public sealed record ImpactOverview(
    [property: Id(0)] ImmutableArray<IncidentComponent> Components,
    [property: Id(1)] DateTimeOffset? LastChangeAt);
