using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

[Collection(ClusterCollection.Name)]
public sealed class MetricHistoryGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static MetricBucket Bucket(DateTimeOffset start, long requests) => new(start, requests, 0, [], requests * 0.5);

    [Fact]
    public async Task AppendAsync_SameStartTwice_ReplacesAndKeepsOrder()
    {
        var grain = fixture.Grains.GetGrain<IMetricHistoryGrain>(IMetricHistoryGrain.KeyOf("mh-1", "error_rate"));

        await grain.AppendAsync(Bucket(Hour.AddHours(2), 3), "writer-1");
        await grain.AppendAsync(Bucket(Hour, 1), "writer-1");
        await grain.AppendAsync(Bucket(Hour.AddHours(1), 2), "writer-1");
        await grain.AppendAsync(Bucket(Hour.AddHours(1), 20), "writer-1");

        var buckets = await grain.GetBucketsAsync(Hour, Hour.AddHours(3));
        Assert.Equal([1L, 20L, 3L], buckets.Select(b => b.Requests));
        Assert.Equal(10, buckets[1].ValueSum);
        Assert.Equal([20L], (await grain.GetBucketsAsync(Hour.AddHours(1), Hour.AddHours(2))).Select(b => b.Requests));
    }

    [Fact]
    public async Task AppendAsync_SameHourFromTwoWriters_AddsUp_AndEachWriterReplacesOnlyItsOwnPart()
    {
        var grain = fixture.Grains.GetGrain<IMetricHistoryGrain>(IMetricHistoryGrain.KeyOf("mh-3", "latency_ms"));

        await grain.AppendAsync(new MetricBucket(Hour, 2, 1, [1, 1], 30), "activation-1");
        await grain.AppendAsync(new MetricBucket(Hour, 3, 0, [0, 2, 1], 70), "activation-2");
        await grain.AppendAsync(new MetricBucket(Hour, 4, 0, [0, 3, 1], 90), "activation-2");
        await grain.AppendAsync(Bucket(Hour.AddHours(1), 5), "activation-2");

        var buckets = await grain.GetBucketsAsync(Hour, Hour.AddHours(2));
        Assert.Equal(2, buckets.Length);
        Assert.Equal((Hour, 6L, 1L, 120d), (buckets[0].Start, buckets[0].Requests, buckets[0].Errors, buckets[0].ValueSum));
        Assert.Equal([1L, 4L, 1L], buckets[0].LatencyCounts.Take(3));
        Assert.Equal(5, buckets[1].Requests);
    }

    [Fact]
    public async Task AppendAsync_BucketsOlderThanRetention_AreDropped()
    {
        var grain = fixture.Grains.GetGrain<IMetricHistoryGrain>(IMetricHistoryGrain.KeyOf("mh-2", "latency_ms"));

        await grain.AppendAsync(Bucket(Hour, 1), "writer-1");
        await grain.AppendAsync(Bucket(Hour.AddDays(IMetricHistoryGrain.RetentionDays).AddHours(1), 2), "writer-1");

        var buckets = await grain.GetBucketsAsync(Hour.AddDays(-1), Hour.AddDays(200));
        Assert.Equal([2L], buckets.Select(b => b.Requests));
    }
}
