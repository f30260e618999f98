using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>
/// A component with its relations in both directions. Each of <see cref="Dependents"/> is the relation as the dependent
/// wrote it, with <see cref="Relation.Id"/> naming the dependent. <see cref="NonPropagating"/> are the indices into
/// <see cref="ComponentDefinition.DependsOn"/> of the relations that close a dependency cycle and so pass no status.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ComponentRelations")]
public sealed record ComponentRelations(
    [property: Id(0)] ComponentDefinition Definition,
    [property: Id(1)] ImmutableArray<Relation> Dependents,
    [property: Id(2)] long Version,
    [property: Id(3)] ImmutableArray<int> NonPropagating = default);
