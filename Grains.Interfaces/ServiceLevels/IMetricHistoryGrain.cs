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

    /// <summary>
    /// Records what <paramref name="writer"/> (one activation of the component) counted in the interval starting at the
    /// bucket's start, so far: a bucket with the same start from the same writer replaces the one stored (a resend, or the
    /// open hour written again, is harmless), and the parts of different writers of the same hour add up (a component
    /// deactivated and activated again within an hour loses nothing).
    /// </summary>
    [Alias("AppendAsync")]
    Task AppendAsync(MetricBucket bucket, string writer);

    /// <summary>The buckets starting in [from, to), oldest first, one per interval (the writers' parts added up).</summary>
    [Alias("GetBucketsAsync")]
    Task<ImmutableArray<MetricBucket>> GetBucketsAsync(DateTimeOffset from, DateTimeOffset to);
}
