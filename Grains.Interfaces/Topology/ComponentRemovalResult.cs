using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>
/// The outcome of removing a component. <see cref="Dependents"/> are the components that depended on it:
/// without <c>force</c> they block the removal; with it their relations to the component are detached.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ComponentRemovalResult")]
public sealed record ComponentRemovalResult(
    [property: Id(0)] bool Found,
    [property: Id(1)] bool Removed,
    [property: Id(2)] ImmutableArray<string> Dependents,
    [property: Id(3)] long Version);
