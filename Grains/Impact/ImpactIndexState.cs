using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Grains.Impact;

[GenerateSerializer, Alias("ImpactMesh.ImpactIndexState")]
public sealed class ImpactIndexState
{
    [Id(0)] public List<IncidentComponent> Components { get; set; } = [];

    [Id(1)] public DateTimeOffset? LastChangeAt { get; set; }
}
