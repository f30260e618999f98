using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// The closed hourly <see cref="MetricBucket"/>s of one metric of one component (key <c>"{componentId}|{metric}"</c>, see
/// <see cref="KeyOf"/>), kept for <see cref="RetentionDays"/> days of data time for SLA measurement.
/// </summary>
[Alias("ImpactMesh.IMetricHistoryGrain")]
public interface IMetricHistoryGrain : IGrainWithStringKey
{
    public const int RetentionDays = 100;

    public static string KeyOf(string componentId, string metric) => $"{componentId}|{metric}";

    /// <summary>Adds a closed bucket; a bucket with the same start replaces the one stored (so a resend is harmless).</summary>
    [Alias("AppendAsync")]
    Task AppendAsync(MetricBucket bucket);

    /// <summary>The buckets starting in [from, to), oldest first.</summary>
    [Alias("GetBucketsAsync")]
    Task<ImmutableArray<MetricBucket>> GetBucketsAsync(DateTimeOffset from, DateTimeOffset to);
}
