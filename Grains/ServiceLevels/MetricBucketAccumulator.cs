using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Accumulates requests of one interval into a <see cref="MetricBucket"/> without allocating per request: a grain keeps one
/// per metric for the current hour, records each request (or a pre-counted batch) and seals it when the hour is over.
/// </summary>
internal sealed class MetricBucketAccumulator(DateTimeOffset start)
{
    private readonly long[] _counts = new long[LatencyHistogram.BucketCount];

    public DateTimeOffset Start { get; } = start;

    public long Requests { get; private set; }

    public long Errors { get; private set; }

    public double ValueSum { get; private set; }

    /// <summary>Records one request taking <paramref name="value"/> ms, or one sample of value <paramref name="value"/>.</summary>
    public void Record(double value, bool error)
    {
        _counts[LatencyHistogram.IndexOf(value)]++;
        ValueSum += value;
        Requests++;
        if (error) Errors++;
    }

    /// <summary>Adds requests counted elsewhere (e.g. a sampled batch) that carry no latency.</summary>
    public void RecordCounts(long requests, long errors)
    {
        Requests += requests;
        Errors += errors;
    }

    public MetricBucket ToBucket() => new(Start, Requests, Errors, [.. _counts], ValueSum);
}
