using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class MetricSloCalculatorTests
{
    private static readonly TimeInterval June1 = Span(Utc(2026, 6, 1), Utc(2026, 6, 2));

    [Fact]
    public void Measure_ResponseTime_InterpolatesThePercentileInsideItsBucket()
    {
        // 90 requests at 50 ms, 10 at 700 ms (bucket 500-750): p95 = 500 + 250 * 5/10 = 625 ms.
        var bucket = LatencyHistogram.Bucket(Utc(2026, 6, 1, 9), [.. Enumerable.Repeat(50.0, 90), .. Enumerable.Repeat(700.0, 10)], 0);

        var r = MetricSloCalculator.Measure(ResponseTime(95, 300, 800), Calendar(), June1, June1.End, [bucket], null);

        Assert.Equal(625, r.Achieved!.Value, 9);
        Assert.Equal(SloOutcome.Missed, r.Outcome);
        Assert.Equal(100, r.Samples);
        Assert.Equal(5, r.Budget.Total, 9);
        Assert.Equal(10, r.Budget.Used, 9);
    }

    [Fact]
    public void Measure_BucketsOutsideServiceHoursOrInMaintenance_AreIgnored()
    {
        var calendar = Calendar(hours: Hours(Window("08:00", "20:00")), maintenance: [Span(Utc(2026, 6, 1, 12), Utc(2026, 6, 1, 13))]);
        MetricBucket[] buckets =
        [
            new(Utc(2026, 6, 1, 3), 1000, 500, []),
            new(Utc(2026, 6, 1, 9), 1000, 3, []),
            new(Utc(2026, 6, 1, 12), 1000, 900, []),
        ];

        var r = MetricSloCalculator.Measure(ErrorRate(0.1, 1), calendar, June1, June1.End, buckets, null);

        Assert.Equal(0.3, r.Achieved!.Value, 9);
        Assert.Equal(SloOutcome.Missed, r.Outcome);
        Assert.Equal(1, r.Budget.Total, 9);
        Assert.Equal(3, r.Budget.Used, 9);
    }

    [Fact]
    public void Measure_ErrorRateMetricOfPercentages_IsTheMeanOfTheSamples()
    {
        // Samples of an error-rate metric in %: 0, 0, 0.6 in one hour and 0.2 in the next: mean 0.8 / 4 = 0.2 %.
        var first = new MetricBucketAccumulator(Utc(2026, 6, 1, 9));
        foreach (var v in new[] { 0, 0, 0.6 }) first.Record(v, error: false);
        var second = new MetricBucketAccumulator(Utc(2026, 6, 1, 10));
        second.Record(0.2, error: false);

        var r = MetricSloCalculator.Measure(ErrorRate(0.1, 1), Calendar(), June1, June1.End, [first.ToBucket(), second.ToBucket()], null, meanOfSamples: true);

        Assert.Equal(0.2, r.Achieved!.Value, 9);
        Assert.Equal(SloOutcome.Missed, r.Outcome);
        Assert.Equal(4, r.Samples);
        Assert.Equal((0.004, 0.008, "samples"), (Math.Round(r.Budget.Total, 9), Math.Round(r.Budget.Used, 9), r.Budget.Unit));
    }

    [Fact]
    public void Measure_NoRequests_IsNoData()
    {
        var r = MetricSloCalculator.Measure(ResponseTime(), Calendar(), June1, June1.End, [], null);

        Assert.Equal(SloOutcome.NoData, r.Outcome);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Measure_ErrorRateWithoutRequests_IsNoData(bool meanOfSamples)
    {
        var r = MetricSloCalculator.Measure(ErrorRate(), Calendar(), June1, June1.End, [], null, meanOfSamples);

        Assert.Equal((SloOutcome.NoData, (double?)null), (r.Outcome, r.Achieved));
    }

    [Fact]
    public void Percentile_SumOfBuckets_EqualsPercentileOfAllSamples()
    {
        var a = LatencyHistogram.Bucket(Utc(2026, 6, 1, 9), [10, 20, 30], 0);
        var b = LatencyHistogram.Bucket(Utc(2026, 6, 1, 10), [40, 45, 1200], 0);
        var all = LatencyHistogram.Bucket(Utc(2026, 6, 1, 9), [10, 20, 30, 40, 45, 1200], 0);

        Assert.Equal(LatencyHistogram.Percentile([.. all.LatencyCounts], 90), LatencyHistogram.Percentile(LatencyHistogram.Sum([a, b]), 90));
    }

    [Fact]
    public void ToBucket_RecordedRequests_EqualsTheBucketOfTheSameSamples()
    {
        var acc = new MetricBucketAccumulator(Utc(2026, 6, 1, 9));
        double[] latencies = [3, 80, 80, 260, 45000];
        foreach (var ms in latencies) acc.Record(ms, ms > 1000);
        acc.RecordCounts(10, 1);

        var bucket = acc.ToBucket();

        Assert.Equal((15L, 2L), (bucket.Requests, bucket.Errors));
        Assert.Equal(latencies.Sum(), bucket.ValueSum, 9);
        Assert.Equal(LatencyHistogram.Bucket(Utc(2026, 6, 1, 9), latencies, 0).LatencyCounts, bucket.LatencyCounts);
        Assert.Equal(1, bucket.LatencyCounts[^1]);
    }
}
