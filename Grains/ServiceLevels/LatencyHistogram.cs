using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// The fixed latency buckets of <see cref="MetricBucket.LatencyCounts"/>: bucket i counts requests taking more than bound
/// i−1 and at most bound i (ms); one more bucket counts everything slower than the last bound.
/// Percentiles interpolate linearly inside a bucket.
/// </summary>
internal static class LatencyHistogram
{
    public static readonly ImmutableArray<double> UpperBoundsMs =
        [1, 2, 5, 10, 20, 30, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000];

    public static int BucketCount => UpperBoundsMs.Length + 1;

    public static int IndexOf(double ms)
    {
        for (var i = 0; i < UpperBoundsMs.Length; i++)
        {
            if (ms <= UpperBoundsMs[i]) return i;
        }

        return UpperBoundsMs.Length;
    }

    /// <summary>A bucket from raw request latencies and error count (for tests, samples and simulators).</summary>
    public static MetricBucket Bucket(DateTimeOffset start, IEnumerable<double> latenciesMs, long errors)
    {
        var counts = new long[BucketCount];
        long n = 0;
        double sum = 0;
        foreach (var ms in latenciesMs)
        {
            counts[IndexOf(ms)]++;
            sum += ms;
            n++;
        }

        return new MetricBucket(start, n, errors, [.. counts], sum);
    }

    /// <summary>One bucket with the counts, sums and histogram of <paramref name="buckets"/> (at least one) added up, starting where the first does.</summary>
    public static MetricBucket Add(IReadOnlyList<MetricBucket> buckets) => buckets.Count == 1
        ? buckets[0]
        : new MetricBucket(buckets[0].Start, buckets.Sum(b => b.Requests), buckets.Sum(b => b.Errors), [.. Sum(buckets)], buckets.Sum(b => b.ValueSum));

    public static long[] Sum(IEnumerable<MetricBucket> buckets)
    {
        var sum = new long[BucketCount];
        foreach (var b in buckets)
        {
            if (b.LatencyCounts.IsDefault) continue;
            for (var i = 0; i < Math.Min(sum.Length, b.LatencyCounts.Length); i++) sum[i] += b.LatencyCounts[i];
        }

        return sum;
    }

    /// <summary>The <paramref name="percentile"/> (0-100) of the histogram in ms, or null when it is empty.</summary>
    public static double? Percentile(IReadOnlyList<long> counts, double percentile)
    {
        var total = counts.Sum();
        if (total == 0) return null;
        var rank = percentile / 100 * total;
        double cumulative = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0) continue;
            if (cumulative + counts[i] >= rank)
            {
                if (i >= UpperBoundsMs.Length) return UpperBoundsMs[^1];
                var lower = i == 0 ? 0 : UpperBoundsMs[i - 1];
                return lower + ((UpperBoundsMs[i] - lower) * Math.Max(0, rank - cumulative) / counts[i]);
            }

            cumulative += counts[i];
        }

        return UpperBoundsMs[^1];
    }

    /// <summary>How many requests took longer than <paramref name="limitMs"/> (interpolated inside the bucket holding it).</summary>
    public static double CountAbove(IReadOnlyList<long> counts, double limitMs)
    {
        double above = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            var lower = i == 0 ? 0 : UpperBoundsMs[i - 1];
            var upper = i < UpperBoundsMs.Length ? UpperBoundsMs[i] : double.PositiveInfinity;
            if (lower >= limitMs) above += counts[i];
            else if (upper > limitMs) above += double.IsInfinity(upper) ? counts[i] : counts[i] * (upper - limitMs) / (upper - lower);
        }

        return above;
    }
}
