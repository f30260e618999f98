using CsCheck;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.Grains.Tests.Monitoring;

public sealed class SampleReservoirTests
{
    private static readonly long T0 = new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc).Ticks;

    [Fact]
    public void SortedWindow_OverMonthsOfSamples_HoldsTheKeptSamplesInsideTheWindow()
    {
        // Windows from a minute to three days; gaps from a second to a window, so the origin moves many times.
        Gen.Select(Gen.Int[1, 3 * 24 * 60], Gen.Int[1, 1000].Array[50, 400]).Sample((windowMinutes, gaps) =>
        {
            var window = TimeSpan.FromMinutes(windowMinutes);
            var reservoir = new SampleReservoir(window);
            var reference = new Reference(window);
            var ticks = T0;
            for (var i = 0; i < gaps.Length; i++)
            {
                // Gaps scale with the window: 1/1000 of it up to the whole window.
                ticks += Math.Max(TimeSpan.TicksPerSecond, window.Ticks * gaps[i] / 1000);
                if (reservoir.Offer(ticks, i)) reference.Add(ticks, i);
                Assert.Equal(reference.Window(ticks), reservoir.SortedWindow(ticks));
            }
        });
    }

    [Fact]
    public void Offer_HourlySamplesForAYearInAnHourWindow_KeepsCountingTheWindow()
    {
        // Seconds since the origin pass 65,535 after 18 hours: the origin must move, and the window stay right.
        var reservoir = new SampleReservoir(TimeSpan.FromHours(1));
        for (var hour = 0; hour < 365 * 24; hour++)
        {
            var ticks = T0 + hour * TimeSpan.TicksPerHour;
            Assert.True(reservoir.Offer(ticks, hour));
            reservoir.Refresh(ticks + TimeSpan.TicksPerMinute);
            Assert.Equal(1, reservoir.Count);
            Assert.Equal(hour, reservoir.Median);
        }
    }

    [Fact]
    public void Load_AfterTheOriginMoved_ContinuesLikeTheSavedReservoir()
    {
        var window = TimeSpan.FromDays(1);
        var saved = new SampleReservoir(window);
        var ticks = T0;
        for (var i = 0; i < 5000; i++)
        {
            ticks += 7 * TimeSpan.TicksPerMinute;
            saved.Offer(ticks, i % 97);
        }

        var state = new MetricDetectorState();
        saved.Save(state);
        var loaded = new SampleReservoir(window);
        loaded.Load(state);

        for (var i = 0; i < 500; i++)
        {
            ticks += 5 * TimeSpan.TicksPerMinute;
            Assert.Equal(saved.Offer(ticks, i), loaded.Offer(ticks, i));
            Assert.Equal(saved.SortedWindow(ticks), loaded.SortedWindow(ticks));
        }
    }

    [Fact]
    public void SortedWindow_SampleInTheFirstSecondOfAYoungWindow_IsInside()
    {
        var reservoir = new SampleReservoir(TimeSpan.FromMinutes(1));
        reservoir.Offer(T0, 5);

        // The window reaches back half a second before the first sample: the sample is inside it.
        Assert.Equal([5.0], reservoir.SortedWindow(T0 + TimeSpan.FromSeconds(59.5).Ticks));
    }

    // The samples the reservoir kept (its last Capacity admissions) and the window at whole-unit resolution.
    private sealed class Reference(TimeSpan window)
    {
        private readonly List<(long Ticks, double Value)> _kept = [];
        private readonly long _unitTicks = Math.Max(1, (long)Math.Ceiling(Math.Ceiling(window.TotalSeconds) / SampleReservoir.WindowUnits)) * TimeSpan.TicksPerSecond;
        private long _origin = long.MinValue;

        public void Add(long ticks, double value)
        {
            if (_origin == long.MinValue) _origin = ticks;
            _kept.Add((ticks, value));
            if (_kept.Count > SampleReservoir.Capacity) _kept.RemoveAt(0);
        }

        public double[] Window(long now)
        {
            var oldest = Math.Floor((double)(now - window.Ticks - _origin) / _unitTicks);
            return [.. _kept.Where(k => (k.Ticks - _origin) / _unitTicks > oldest).Select(k => k.Value).Order()];
        }
    }
}
