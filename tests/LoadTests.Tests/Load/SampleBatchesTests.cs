using ImpactMesh.LoadTests.Load;

namespace ImpactMesh.LoadTests.Tests.Load;

public sealed class SampleBatchesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(10_000)]
    [InlineData(99_991)]
    public void ComponentOf_OneRound_VisitsEveryComponentOnce(int count)
    {
        var components = Enumerable.Range(0, count).Select(i => $"c{i}").ToList();
        var batches = new SampleBatches(components, ["latency_ms"], 10);

        var seen = Enumerable.Range(0, count).Select(k => batches.ComponentOf(k)).ToHashSet();

        Assert.Equal(count, seen.Count);
    }

    [Fact]
    public void ComponentOf_ConsecutiveBatches_DifferentComponents()
    {
        var batches = new SampleBatches([.. Enumerable.Range(0, 1_000).Select(i => $"c{i}")], ["latency_ms"], 10);

        Assert.NotEqual(batches.ComponentOf(0), batches.ComponentOf(1));
    }

    [Fact]
    public void Samples_FourMetrics_SpreadOverEveryMetric()
    {
        var batches = new SampleBatches(["a"], ["m1", "m2", "m3", "m4"], 100);

        var samples = batches.Samples(3, DateTimeOffset.UnixEpoch);

        Assert.Equal(100, samples.Length);
        Assert.All(samples.GroupBy(s => s.Metric), g => Assert.Equal(25, g.Count()));
        Assert.All(samples, s => Assert.InRange(s.Value, 95, 105));
    }
}
