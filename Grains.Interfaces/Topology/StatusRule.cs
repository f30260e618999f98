using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>How a component's status derives from what it depends on: a main rule plus additional rules.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.StatusRule")]
public sealed record StatusRule(
    [property: Id(0)] RuleKind Main,
    [property: Id(1)] int AtLeast,
    [property: Id(2)] ImmutableArray<AdditionalRule> Additional)
{
    public static StatusRule Default { get; } = new(RuleKind.Worst, 0, []);
}
