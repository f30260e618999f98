using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Impact;

/// <summary>A relation that propagates status: to the dependency at index <see cref="Dependency"/>, with its settings.</summary>
internal readonly record struct ImpactEdge(int Dependency, RelationImpact Impact, int Shift, int Weight);
