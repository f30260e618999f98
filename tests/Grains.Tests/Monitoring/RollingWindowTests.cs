using CsCheck;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.Grains.Tests.Monitoring;

public sealed class RollingWindowTests
{
    private static readonly long Minute = TimeSpan.TicksPerMinute;
    private static readonly long T0 = new DateTime(2026, 12, 4, 0, 0, 0, DateTimeKind.Utc).Ticks;

    [Fact]
    public void Summarize_SamplesInsideWindow_MatchesReference()
    {
        Gen.Double[1e6, 1e6 + 10].Array[2, 200].Sample(values =>
        {
            var window = new RollingWindow(TimeSpan.FromHours(12));
            for (var i = 0; i < values.Length; i++) window.Add(T0 + i * Minute, values[i]);

            var s = window.Summarize(T0 + (values.Length - 1) * Minute);

            var mean = values.Average();
            var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
            Assert.Equal(values.Length, s.Count);
            Assert.Equal(mean, s.Mean, 1e-6);
            Assert.Equal(variance, s.Variance, 1e-6);
            Assert.Equal(values.Min(), s.Min);
            Assert.Equal(values.Max(), s.Max);
        });
    }

    [Fact]
    public void Summarize_AfterWindowPassed_ForgetsOldBuckets()
    {
        var window = new RollingWindow(TimeSpan.FromHours(1));
        for (var i = 0; i < 60; i++) window.Add(T0 + i * Minute, 1000);
        for (var i = 120; i < 180; i++) window.Add(T0 + i * Minute, 10);

        var s = window.Summarize(T0 + 179 * Minute);

        Assert.Equal(10, s.Max);
        Assert.Equal(10, s.Mean, 1e-12);
        Assert.InRange(s.Count, 55, 60);
    }

    [Fact]
    public void Add_EarlierTimestamp_CountsInLatestBucket()
    {
        var window = new RollingWindow(TimeSpan.FromHours(1));
        window.Add(T0 + 100 * Minute, 5);
        window.Add(T0, 7);

        var s = window.Summarize(T0 + 100 * Minute);

        Assert.Equal(2, s.Count);
        Assert.Equal(6, s.Mean, 1e-12);
    }

    [Fact]
    public void Summarize_WithGapsOfAnyLength_CountsExactlyTheBucketsOfTheWindow_AlsoAfterASaveAndLoad()
    {
        // Steps between samples from one second to two windows; the window (1 h) is 12 buckets of 5 minutes.
        Gen.Int[1, 7200].Array[1, 300].Sample(steps =>
        {
            var window = new RollingWindow(TimeSpan.FromHours(1));
            var bucket = TimeSpan.FromMinutes(5).Ticks;
            var samples = new List<(long Ticks, double Value)>();
            var ticks = T0;
            foreach (var step in steps)
            {
                ticks += step * TimeSpan.TicksPerSecond;
                samples.Add((ticks, step % 97));
                window.Add(ticks, step % 97);
            }

            foreach (var now in new[] { ticks, ticks + 17 * TimeSpan.TicksPerMinute, ticks + 2 * TimeSpan.TicksPerHour })
            {
                // Reference: the samples whose bucket is one of the 12 newest up to now.
                var newest = Math.Max(now, ticks) / bucket;
                var inside = samples.Where(x => x.Ticks / bucket > newest - RollingWindow.BucketCount).Select(x => x.Value).ToList();
                var state = new MetricDetectorState();
                window.Save(state);
                var restored = new RollingWindow(TimeSpan.FromHours(1));
                restored.Load(state);

                foreach (var s in new[] { window.Summarize(now), restored.Summarize(now) })
                {
                    Assert.Equal(inside.Count, s.Count);
                    if (inside.Count == 0) continue;
                    Assert.Equal(inside.Average(), s.Mean, 1e-9);
                    Assert.Equal(inside.Min(), s.Min);
                    Assert.Equal(inside.Max(), s.Max);
                }
            }
        });
    }
}
