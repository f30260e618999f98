using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>The persisted parts of one metric history grain, by start (oldest first), then writer.</summary>
[GenerateSerializer]
public sealed class MetricHistoryState
{
    [Id(1)] public List<MetricBucketPart> Parts { get; set; } = [];
}

/// <summary>What one writer (one activation of the component) counted in the interval of <see cref="Bucket"/>.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.MetricBucketPart")]
public sealed record MetricBucketPart([property: Id(0)] string Writer, [property: Id(1)] MetricBucket Bucket);
