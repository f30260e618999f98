using CsCheck;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.Grains.Tests.Monitoring;

public sealed class RecentSeriesTests
{
    // Steps of 0 to 70,000 s (some around the one-byte gap, some beyond the 18 h gap), values, and a band that changes now
    // and then (sometimes NaN).
    private static readonly Gen<(int Step, float Value, int Band)[]> Points = Gen.Select(
        Gen.Frequency((30, Gen.Int[0, 120]), (4, Gen.Int[250, 2_000]), (1, Gen.Int[60_000, 70_000])),
        Gen.Float[-1e6f, 1e6f],
        Gen.Frequency((20, Gen.Const(0)), (3, Gen.Int[1, 1000]), (1, Gen.Const(-1))))
        .Array[1, 600];

    private static (float Lower, float Upper) Band(int band) => band < 0 ? (float.NaN, float.NaN) : (band * 10f, band * 10f + 5f);

    [Fact]
    public void Add_AnyPoints_ReadsBackTheLastPointsLikeAPlainList()
    {
        Points.Sample(points =>
        {
            var series = new RecentSeries();
            var reference = new List<(long Seconds, float Value, float Lower, float Upper)>();
            long seconds = 0;
            var band = 0;
            foreach (var (step, value, change) in points)
            {
                seconds += step;
                if (change != 0) band = change;
                var (lower, upper) = Band(band);
                if (reference.Count > 0 && seconds - reference[^1].Seconds > ushort.MaxValue) reference.Clear();
                reference.Add((seconds, value, lower, upper));
                if (reference.Count > RecentSeries.Capacity) reference.RemoveAt(0);

                series.Add(seconds, value, lower, upper);
            }

            Assert.Equal(reference.Count, series.Count);
            Assert.Equal(reference.Select(p => p.Seconds), series.Seconds());
            for (var i = 0; i < reference.Count; i++)
            {
                Assert.Equal((reference[i].Value, reference[i].Lower, reference[i].Upper), series[i]);
            }
        });
    }

    [Fact]
    public void Add_BandChangingRarely_KeepsOneCopyPerDistinctBand()
    {
        var series = new RecentSeries();

        for (var i = 0; i < 1_000; i++) series.Add(i, 100 + i % 7, i / 400 * 10, i / 400 * 10 + 50); // three bands over time

        Assert.Equal(RecentSeries.Capacity, series.Count);
        Assert.Equal(1, series.BandCount); // the last 120 points all share the third band
        Assert.Equal((105f, 20f, 70f), series[^1]);
    }

    [Fact]
    public void Add_EveryPointItsOwnBand_KeepsThemAll()
    {
        var series = new RecentSeries();

        for (var i = 0; i < 500; i++) series.Add(i, i, -i, i);

        Assert.Equal(RecentSeries.Capacity, series.BandCount);
        Assert.Equal((380f, -380f, 380f), series[0]);
        Assert.Equal((499f, -499f, 499f), series[RecentSeries.Capacity - 1]);
    }
}
