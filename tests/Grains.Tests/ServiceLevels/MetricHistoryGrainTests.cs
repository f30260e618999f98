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

        await grain.AppendAsync(Bucket(Hour.AddHours(2), 3));
        await grain.AppendAsync(Bucket(Hour, 1));
        await grain.AppendAsync(Bucket(Hour.AddHours(1), 2));
        await grain.AppendAsync(Bucket(Hour.AddHours(1), 20));

        var buckets = await grain.GetBucketsAsync(Hour, Hour.AddHours(3));
        Assert.Equal([1L, 20L, 3L], buckets.Select(b => b.Requests));
        Assert.Equal(10, buckets[1].ValueSum);
        Assert.Equal([20L], (await grain.GetBucketsAsync(Hour.AddHours(1), Hour.AddHours(2))).Select(b => b.Requests));
    }

    [Fact]
    public async Task AppendAsync_BucketsOlderThanRetention_AreDropped()
    {
        var grain = fixture.Grains.GetGrain<IMetricHistoryGrain>(IMetricHistoryGrain.KeyOf("mh-2", "latency_ms"));

        await grain.AppendAsync(Bucket(Hour, 1));
        await grain.AppendAsync(Bucket(Hour.AddDays(IMetricHistoryGrain.RetentionDays).AddHours(1), 2));

        var buckets = await grain.GetBucketsAsync(Hour.AddDays(-1), Hour.AddDays(200));
        Assert.Equal([2L], buckets.Select(b => b.Requests));
    }
}
