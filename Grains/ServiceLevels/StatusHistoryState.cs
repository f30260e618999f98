using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>The persisted changes of one status history grain (one component, one day), in time order.</summary>
[GenerateSerializer, Alias("ImpactMesh.StatusHistoryState")]
public sealed class StatusHistoryState
{
    [Id(0)] public List<StatusChange> Changes { get; set; } = [];
}
