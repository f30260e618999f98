using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

[Collection(ClusterCollection.Name)]
public sealed class MetricHistoryGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static MetricBucket Bucket(DateTimeOffset start, long requests) => new(start, requests, 0, [], requests * 0.5);

    private IMetricHistoryGrain Day(string component, DateTimeOffset day) => fixture.Grains.GetGrain<IMetricHistoryGrain>(IMetricHistoryGrain.KeyOf(component, day));

    [Fact]
    public async Task AppendAsync_SameHourTwice_ReplacesAndKeepsOrder_PerMetric()
    {
        var grain = Day("mh-1", Hour);

        await grain.AppendAsync([new("error_rate", Bucket(Hour.AddHours(2), 3)), new("latency_ms", Bucket(Hour, 7))], "writer-1");
        await grain.AppendAsync([new("error_rate", Bucket(Hour, 1))], "writer-1");
        await grain.AppendAsync([new("error_rate", Bucket(Hour.AddHours(1), 2))], "writer-1");
        await grain.AppendAsync([new("error_rate", Bucket(Hour.AddHours(1), 20))], "writer-1");

        var history = await MetricHistory.ReadAsync(fixture.Grains, "mh-1", Hour, Hour.AddHours(3));
        Assert.Equal([1L, 20L, 3L], history["error_rate"].Select(b => b.Requests));
        Assert.Equal(10, history["error_rate"][1].ValueSum);
        Assert.Equal([7L], history["latency_ms"].Select(b => b.Requests));
        Assert.Equal([20L], (await MetricHistory.ReadAsync(fixture.Grains, "mh-1", Hour.AddHours(1), Hour.AddHours(2)))["error_rate"].Select(b => b.Requests));
    }

    [Fact]
    public async Task AppendAsync_SameHourFromTwoWriters_AddsUp_AndEachWriterReplacesOnlyItsOwnPart()
    {
        var grain = Day("mh-3", Hour);

        await grain.AppendAsync([new("latency_ms", new MetricBucket(Hour, 2, 1, [1, 1], 30))], "activation-1");
        await grain.AppendAsync([new("latency_ms", new MetricBucket(Hour, 3, 0, [0, 2, 1], 70))], "activation-2");
        await grain.AppendAsync([new("latency_ms", new MetricBucket(Hour, 4, 0, [0, 3, 1], 90))], "activation-2");
        await grain.AppendAsync([new("latency_ms", Bucket(Hour.AddHours(1), 5))], "activation-2");

        var buckets = (await MetricHistory.ReadAsync(fixture.Grains, "mh-3", Hour, Hour.AddHours(2)))["latency_ms"];
        Assert.Equal(2, buckets.Length);
        Assert.Equal((Hour, 6L, 1L, 120d), (buckets[0].Start, buckets[0].Requests, buckets[0].Errors, buckets[0].ValueSum));
        Assert.Equal([1L, 4L, 1L], buckets[0].LatencyCounts.Take(3));
        Assert.Equal(5, buckets[1].Requests);
    }

    [Fact]
    public async Task AppendAsync_AnHourOfAnotherDay_IsRefused_AndNothingIsStored()
    {
        var grain = Day("mh-4", Hour);

        await Assert.ThrowsAsync<ArgumentException>(() => grain.AppendAsync([new("latency_ms", Bucket(Hour, 1)), new("latency_ms", Bucket(Hour.AddDays(1), 2))], "writer-1"));

        Assert.Empty(await grain.GetHoursAsync(Hour.AddDays(-1), Hour.AddDays(2)));
    }

    [Fact]
    public async Task ReadAsync_OverSeveralDays_JoinsTheDays_OldestFirst_WithinTheRetention()
    {
        var days = new[] { -IMetricHistoryGrain.RetentionDays - 1, -2, -1, 0 };
        foreach (var d in days) await Day("mh-5", Hour.AddDays(d)).AppendAsync([new("latency_ms", Bucket(Hour.AddDays(d), 10 + d))], "writer-1");

        var buckets = (await MetricHistory.ReadAsync(fixture.Grains, "mh-5", Hour.AddDays(-200), Hour.AddHours(1)))["latency_ms"];

        Assert.Equal([8L, 9L, 10L], buckets.Select(b => b.Requests));
        Assert.Empty(await MetricHistory.ReadAsync(fixture.Grains, "mh-5", Hour, Hour));
    }

    [Fact]
    public async Task AppendAsync_FirstOfADay_ForgetsTheDayLeavingTheRetention()
    {
        var expired = Hour.AddDays(-IMetricHistoryGrain.RetentionDays);
        await Day("mh-2", expired).AppendAsync([new("latency_ms", Bucket(expired, 1))], "writer-1");
        Assert.NotEmpty(await Day("mh-2", expired).GetHoursAsync(expired, expired.AddDays(1)));

        await Day("mh-2", Hour).AppendAsync([new("latency_ms", Bucket(Hour, 2))], "writer-1");

        Assert.Empty(await Day("mh-2", expired).GetHoursAsync(expired, expired.AddDays(1)));
        Assert.Equal([2L], (await MetricHistory.ReadAsync(fixture.Grains, "mh-2", expired, Hour.AddDays(1)))["latency_ms"].Select(b => b.Requests));
    }
}
