using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>
/// The outcome of a change to the relation graph. When <see cref="Errors"/> is not empty nothing was applied.
/// <see cref="Warnings"/> (such as dependency cycles) never stop a change.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.TopologyUpdateResult")]
public sealed record TopologyUpdateResult(
    [property: Id(0)] ImmutableArray<DocumentProblem> Errors,
    [property: Id(1)] ImmutableArray<DocumentProblem> Warnings,
    [property: Id(2)] int Components,
    [property: Id(3)] int Relations,
    [property: Id(4)] long Version)
{
    public bool Applied => Errors.IsDefaultOrEmpty;

    public static TopologyUpdateResult Rejected(ImmutableArray<DocumentProblem> errors, long version) =>
        new(errors, [], 0, 0, version);
}
