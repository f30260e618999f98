using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Grains.Components;

/// <summary>What a component grain persists: its status timeline, external statuses and maintenance.</summary>
[GenerateSerializer, Alias("ImpactMesh.ComponentState")]
public sealed class ComponentState
{
    [Id(0)] public List<StatusChange> Timeline { get; set; } = [];

    [Id(1)] public List<ExternalStatus> Events { get; set; } = [];

    [Id(2)] public Maintenance? Maintenance { get; set; }
}
