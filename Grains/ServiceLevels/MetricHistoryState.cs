using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>The persisted parts of one metric history grain (one component, one day), by start, metric, then writer.</summary>
[GenerateSerializer]
public sealed class MetricHistoryState
{
    [Id(1)] public List<MetricHourPart> Parts { get; set; } = [];
}

/// <summary>What one writer (one activation of the component) counted in one hour of one metric.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.MetricHourPart")]
public sealed record MetricHourPart([property: Id(0)] string Metric, [property: Id(1)] string Writer, [property: Id(2)] MetricBucket Bucket);
