using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.Grains.Components;

/// <summary>What a component grain persists: its status timeline, external statuses, maintenance and learned detectors.</summary>
[GenerateSerializer, Alias("ImpactMesh.ComponentState")]
public sealed class ComponentState
{
    [Id(0)] public List<StatusChange> Timeline { get; set; } = [];

    [Id(1)] public List<ExternalStatus> Events { get; set; } = [];

    [Id(2)] public Maintenance? Maintenance { get; set; }

    /// <summary>Learned detector state per metric (only when <see cref="MetricsOptions.PersistDetectors"/> is on).</summary>
    [Id(3)] public Dictionary<string, MetricDetectorState>? Detectors { get; set; }
}
