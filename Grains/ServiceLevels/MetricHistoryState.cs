using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>The persisted buckets of one metric history grain, oldest first.</summary>
[GenerateSerializer]
public sealed class MetricHistoryState
{
    [Id(0)] public List<MetricBucket> Buckets { get; set; } = [];
}
