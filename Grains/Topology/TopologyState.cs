using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Topology;

[GenerateSerializer, Alias("ImpactMesh.TopologyState")]
public sealed class TopologyState
{
    [Id(0)] public List<ComponentDefinition> Components { get; set; } = [];

    [Id(1)] public long Version { get; set; }

    [Id(2)] public DateTimeOffset? UpdatedAt { get; set; }
}
