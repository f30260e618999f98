using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// The aggregate of one metric over one interval (typically an hour) starting at <see cref="Start"/>, small enough for a
/// grain to keep a quarter of them: request and error counts and a latency histogram whose bucket i counts requests
/// taking at most <c>LatencyHistogram.UpperBoundsMs[i]</c> (and more than the previous bound); the last bucket is open-ended.
/// Buckets add up exactly, so percentiles of any set of them are as good as the histogram's resolution.
/// <see cref="ValueSum"/> is the sum of the samples' values (a metric sampled as values rather than timed requests,
/// e.g. an error-rate metric in %): <see cref="Requests"/> then counts samples and ValueSum / Requests is their mean.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.MetricBucket")]
public sealed record MetricBucket(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] long Requests,
    [property: Id(2)] long Errors,
    [property: Id(3)] ImmutableArray<long> LatencyCounts,
    [property: Id(4)] double ValueSum = 0);
