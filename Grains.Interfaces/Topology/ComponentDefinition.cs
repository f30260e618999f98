using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>One service or infrastructure component of the relation graph, as written in a topology document.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ComponentDefinition")]
public sealed record ComponentDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] ImmutableSortedDictionary<string, string> Tags,
    [property: Id(4)] ImmutableArray<Relation> DependsOn,
    [property: Id(5)] StatusRule? Rule,
    [property: Id(6)] ImmutableSortedDictionary<string, MetricSettings> Metrics)
{
    public const int MaxIdLength = 128;
}
