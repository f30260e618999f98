using ImpactMesh.LoadTests.Load;

namespace ImpactMesh.LoadTests.Tests.Load;

public sealed class MemoryTrendTests
{
    [Fact]
    public void After_LinearGrowthAfterWarmup_SlopeInMBPerMinute()
    {
        // Warm-up from 0 to 60 s grows fast; afterwards 2 MB per minute.
        List<MemorySample> samples = [new(0, 100, 0), new(30, 300, 0), .. Enumerable.Range(0, 10).Select(i => new MemorySample(60 + i * 30, 500 + i, 0))];

        var (slope, growth, percent, kept) = MemoryTrend.After(samples, TimeSpan.FromSeconds(60));

        Assert.Equal(10, kept);
        Assert.Equal(2, slope, 6);
        Assert.Equal(9, growth, 6);
        Assert.Equal(1.8, percent, 6);
    }

    [Fact]
    public void After_Flat_ZeroSlope()
    {
        List<MemorySample> samples = [.. Enumerable.Range(0, 5).Select(i => new MemorySample(i * 10, 400, 0))];

        Assert.Equal(0, MemoryTrend.After(samples, TimeSpan.Zero).SlopeMBPerMinute, 9);
    }

    [Fact]
    public void After_FewerThanTwoSamples_NotANumber()
    {
        Assert.True(double.IsNaN(MemoryTrend.After([new MemorySample(100, 1, 1)], TimeSpan.Zero).SlopeMBPerMinute));
    }
}
