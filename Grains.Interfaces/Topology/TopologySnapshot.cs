using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>The whole relation graph at one version.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.TopologySnapshot")]
public sealed record TopologySnapshot(
    [property: Id(0)] ImmutableArray<ComponentDefinition> Components,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset? UpdatedAt);
