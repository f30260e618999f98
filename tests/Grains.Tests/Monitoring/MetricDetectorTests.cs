using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.Grains.Tests.Monitoring;

public sealed class MetricDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static readonly MetricSettings Settings = new()
    {
        Window = TimeSpan.FromHours(1),
        WarmUp = TimeSpan.FromMinutes(30),
        RaiseAfter = 3,
        ClearAfter = 5,
        StaleAfter = TimeSpan.FromMinutes(5),
        Unit = "ms",
    };

    /// <summary>Feeds one sample a minute: 200 ± noise (deterministic).</summary>
    private static MetricDetector Warmed(MetricSettings settings, int minutes = 60, int seed = 1)
    {
        var detector = new MetricDetector("latency_ms", settings);
        var random = new Random(seed);
        for (var i = 0; i < minutes; i++) detector.Observe(T0.AddMinutes(i), 200 + random.NextDouble() * 20 - 10);
        return detector;
    }

    [Fact]
    public void Observe_FirstSample_ChangesUnknownToOk()
    {
        var detector = new MetricDetector("latency_ms", Settings);
        Assert.Equal(HealthStatus.Unknown, detector.Snapshot().Status);

        var o = detector.Observe(T0, 200);

        Assert.Equal((HealthStatus.Ok, true, 0.0), (o.Status, o.StatusChanged, o.AnomalyScore));
        Assert.Null(o.Upper);
    }

    [Fact]
    public void Observe_SpikeDuringWarmUp_DoesNotAlarm()
    {
        var detector = Warmed(Settings, minutes: 20);

        for (var i = 20; i < 25; i++)
        {
            var o = detector.Observe(T0.AddMinutes(i), 5000);
            Assert.Equal(HealthStatus.Ok, o.Status);
            Assert.Equal(0, o.AnomalyScore);
        }
    }

    [Fact]
    public void Observe_StaticCriticalDuringWarmUp_RaisesCritical()
    {
        var detector = Warmed(Settings with { Critical = 1000 }, minutes: 5);

        detector.Observe(T0.AddMinutes(5), 1500);
        detector.Observe(T0.AddMinutes(6), 1500);
        var o = detector.Observe(T0.AddMinutes(7), 1500);

        Assert.Equal((HealthStatus.Critical, true), (o.Status, o.StatusChanged));
        Assert.Equal("latency_ms 1500 ms above critical level 1000 since 10:05:00", detector.Snapshot().Reason);
    }

    [Fact]
    public void Observe_SustainedSpikeAfterWarmUp_RaisesCriticalWithReason()
    {
        var detector = Warmed(Settings);

        var first = detector.Observe(T0.AddMinutes(60), 812);
        detector.Observe(T0.AddMinutes(61), 812);
        var third = detector.Observe(T0.AddMinutes(62), 812);

        Assert.Equal(HealthStatus.Ok, first.Status);
        Assert.True(first.AnomalyScore > 0.95);
        Assert.True(first.Upper < 300 && first.Lower is null);
        Assert.Equal((HealthStatus.Critical, true), (third.Status, third.StatusChanged));
        var health = detector.Snapshot();
        Assert.Equal(T0.AddMinutes(60), health.Since);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(health.Reason, @"^latency_ms 812 ms above upper band 2\d\d \(score (0\.9\d|1\.00)\) since 11:00:00$"), health.Reason);
    }

    [Fact]
    public void Snapshot_BothDirectionsSpike_ReasonShowsBandAndScore()
    {
        var detector = Warmed(Settings with { Direction = MetricDirection.Both, RaiseAfter = 1 });

        detector.Observe(T0.AddMinutes(60), 812);

        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(detector.Snapshot().Reason,
            @"^latency_ms 812 ms above band 1\d\d-2\d\d \(score (0\.9\d|1\.00)\) since 11:00:00$"), detector.Snapshot().Reason);
    }

    [Fact]
    public void Snapshot_Healthy_DescribesLatestSample()
    {
        var learning = Warmed(Settings, minutes: 10);
        var learned = Warmed(Settings, minutes: 100);
        learning.Observe(T0.AddMinutes(10), 201);
        learned.Observe(T0.AddMinutes(100), 201);

        Assert.Equal("latency_ms 201 ms, learning its baseline until 10:30:00", learning.Snapshot().Reason);
        Assert.Matches(@"^latency_ms 201 ms within upper band 2\d\d, ok since 10:00:00$", learned.Snapshot().Reason);
    }

    [Fact]
    public void Observe_NormalNoise_StaysOkWithLowScores()
    {
        var detector = Warmed(Settings, minutes: 600, seed: 7);

        var health = detector.Snapshot();

        Assert.Equal(HealthStatus.Ok, health.Status);
        Assert.True(health.AnomalyScore < 0.5);
        Assert.NotNull(health.BandUpper);
    }

    [Fact]
    public void Observe_LowerIsWorse_IgnoresHighValuesAndFlagsLowOnes()
    {
        var detector = Warmed(Settings with { Direction = MetricDirection.LowerIsWorse });

        Assert.Equal(0, detector.Observe(T0.AddMinutes(60), 900).AnomalyScore);
        var low = detector.Observe(T0.AddMinutes(61), 0);

        Assert.True(low.AnomalyScore > 0.9);
        Assert.True(low.Lower > 150 && low.Upper is null);
    }

    [Fact]
    public void Observe_AfterFiring_HalvesScoresUntilRearmed()
    {
        var detector = Warmed(Settings with { Rearm = TimeSpan.FromMinutes(10) });

        var fired = detector.Observe(T0.AddMinutes(60), 900).AnomalyScore;
        var quiet = detector.Observe(T0.AddMinutes(61), 900).AnomalyScore;

        Assert.True(fired > 0.9);
        Assert.True(quiet <= 0.5);
    }

    [Fact]
    public void Observe_SpikeNoHigherThanOneInWindow_ScoresAtMostFiringLevelButStillBreaches()
    {
        var detector = Warmed(Settings with { Rearm = TimeSpan.Zero });

        var first = detector.Observe(T0.AddMinutes(60), 600);
        for (var i = 61; i < 100; i++) detector.Observe(T0.AddMinutes(i), 200);
        var again = detector.Observe(T0.AddMinutes(100), 600);

        Assert.True(first.AnomalyScore > 0.95);
        Assert.InRange(again.AnomalyScore, 0.7, 0.8 + 1e-9);
        Assert.True(600 > again.Upper);
    }

    [Fact]
    public void Observe_DailyPattern_FlagsValueNormalOnlyAtOtherHours()
    {
        var settings = new MetricSettings
        {
            Direction = MetricDirection.Both, Window = TimeSpan.FromDays(1), WarmUp = TimeSpan.FromDays(1), Rearm = TimeSpan.Zero,
        };
        var detector = new MetricDetector("rps", settings);
        var random = new Random(5);
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        double Daily(DateTimeOffset t) => 100 + 50 * Math.Sin(2 * Math.PI * t.TimeOfDay.TotalHours / 24);
        var t = start;
        for (; t < start.AddDays(6).AddHours(6); t = t.AddMinutes(5)) detector.Observe(t, Daily(t) + random.NextDouble() * 4 - 2);

        var usual = detector.Observe(t, Daily(t));
        var unusual = detector.Observe(t.AddMinutes(5), 100); // the daily mean, but at the daily peak

        Assert.True(usual.AnomalyScore < 0.5, $"usual {usual.AnomalyScore}");
        Assert.True(unusual.AnomalyScore > 0.8, $"unusual {unusual.AnomalyScore}");
        Assert.True(unusual.Lower > 120, $"band {unusual.Lower}-{unusual.Upper}");
    }

    [Fact]
    public void CheckStale_NoSampleForStaleAfter_BecomesUnknownThenRecovers()
    {
        var detector = Warmed(Settings, minutes: 10);

        Assert.False(detector.CheckStale(T0.AddMinutes(12)));
        Assert.True(detector.CheckStale(T0.AddMinutes(20)));
        Assert.False(detector.CheckStale(T0.AddMinutes(21)));
        var stale = detector.Snapshot();
        Assert.Equal((HealthStatus.Unknown, T0.AddMinutes(14)), (stale.Status, stale.Since));
        Assert.Equal("latency_ms stale: no sample since 10:09:00", stale.Reason);

        var o = detector.Observe(T0.AddMinutes(22), 200);
        Assert.Equal((HealthStatus.Ok, true), (o.Status, o.StatusChanged));
    }

    [Fact]
    public void Observe_EarlierTimestampOrNaN_DoesNotCorruptState()
    {
        var detector = Warmed(Settings);
        var before = detector.Snapshot();

        detector.Observe(T0.AddMinutes(-30), 205);
        detector.Observe(T0.AddMinutes(61), double.NaN);
        var after = detector.Snapshot();

        Assert.Equal(before.LastTimestamp, after.LastTimestamp);
        Assert.Equal(before.Statistics.Count + 1, after.Statistics.Count);
        Assert.True(double.IsFinite(after.Statistics.Mean));
        Assert.Equal(HealthStatus.Ok, detector.Observe(T0.AddMinutes(62), 203).Status);
    }

    [Fact]
    public void Statistics_UniformSamples_MatchReference()
    {
        var detector = new MetricDetector("x", Settings);
        for (var i = 0; i < 60; i++) detector.Observe(T0.AddMinutes(i), i);

        var s = detector.Statistics();

        Assert.Equal(60, s.Count);
        Assert.Equal(29.5, s.Mean, 9);
        Assert.Equal(Math.Sqrt(60.0 * 61 / 12), s.StdDev, 9);
        Assert.Equal((0.0, 59.0), (s.Min, s.Max));
        Assert.Equal(29.5, s.Median, 9);
        Assert.Equal(s.Median, s.P50, 9);
        Assert.InRange(s.P95, 55, 58);
        Assert.InRange(s.P99, 57, 59);
        Assert.Equal(15, s.Mad, 9);
        Assert.InRange(s.Ewma, 45, 59);
    }

    [Fact]
    public void Snapshot_ManySamples_KeepsLast120ForCharting()
    {
        var detector = Warmed(Settings, minutes: 300);

        var recent = detector.Snapshot().Recent;

        Assert.Equal(MetricDetector.RecentCapacity, recent.Length);
        Assert.Equal(T0.AddMinutes(180), recent[0].Timestamp);
        Assert.Equal(T0.AddMinutes(299), recent[^1].Timestamp);
        Assert.NotNull(recent[^1].Upper);
    }

    [Fact]
    public void Snapshot_LargeValuesAndGaps_KeepsFiniteBandsAndTimestamps()
    {
        var detector = new MetricDetector("disk_write_bytes", Settings);
        for (var i = 0; i < 200; i++) detector.Observe(T0.AddMinutes(i), 3e9 + (i % 10) * 1e7);

        var recent = detector.Snapshot().Recent;

        Assert.All(recent.Where(p => p.Upper is not null), p => Assert.True(double.IsFinite(p.Upper!.Value) && p.Upper > 3e9));
        Assert.Equal(T0.AddMinutes(199), recent[^1].Timestamp);
        detector.Observe(T0.AddDays(2), 3e9);
        Assert.Equal([T0.AddDays(2)], detector.Snapshot().Recent.Select(p => p.Timestamp)); // a gap of over 18 h starts afresh
        Assert.NotNull(System.Text.Json.JsonSerializer.Serialize(detector.Snapshot().Recent));
    }

    [Fact]
    public void ToState_FromState_ContinuesIdentically()
    {
        var original = Warmed(Settings with { Direction = MetricDirection.Both }, minutes: 4000, seed: 3);
        var restored = MetricDetector.FromState("latency_ms", Settings with { Direction = MetricDirection.Both }, original.ToState());
        Assert.Equal(Json(original.Snapshot()), Json(restored.Snapshot()));

        var random = new Random(9);
        for (var i = 4000; i < 4300; i++)
        {
            var value = i % 97 == 0 ? 900 : 200 + random.NextDouble() * 20 - 10;
            Assert.Equal(original.Observe(T0.AddMinutes(i), value), restored.Observe(T0.AddMinutes(i), value));
        }

        Assert.Equal(Json(original.Snapshot()), Json(restored.Snapshot()));
    }

    [Fact]
    public void Observe_WarmedDetector_AllocatesNothing()
    {
        var detector = Warmed(Settings, minutes: 2000);
        detector.Observe(T0.AddMinutes(2000), 200);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 2001; i < 12001; i++) detector.Observe(T0.AddMinutes(i), i % 500 == 0 ? 900 : 200 + i % 7);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Constructor_OneDetector_StaysWithinTwoAndAHalfKilobytes()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var detector = new MetricDetector("latency_ms", Settings);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(detector);

        Assert.InRange(allocated, 1, 2560);
        Assert.InRange(MetricDetector.ApproximateBytes, allocated - 64, allocated + 64);
    }

    private static string Json(MetricHealth h) =>
        System.Text.Json.JsonSerializer.Serialize(h with { Recent = [] }, new System.Text.Json.JsonSerializerOptions
        {
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }) + string.Join(";", h.Recent);
}
