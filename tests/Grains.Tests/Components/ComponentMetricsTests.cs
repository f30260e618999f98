using System.Collections.Immutable;
using ImpactMesh.Grains.Components;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Components;

public sealed class ComponentMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static ComponentMetrics Create(int maxMetrics = 64)
    {
        var metrics = new ComponentMetrics(new MetricsOptions { MaxMetricsPerComponent = maxMetrics });
        metrics.Configure(ImmutableSortedDictionary<string, MetricSettings>.Empty.Add("cpu", new MetricSettings { Warning = 80, Critical = 95, RaiseAfter = 1 }));
        return metrics;
    }

    [Fact]
    public void Health_DeclaredMetricWithoutData_IsUnknown() =>
        Assert.Equal(HealthStatus.Unknown, Create().Health().Status);

    [Fact]
    public void Observe_StaticCriticalCrossed_RaisesWithReasonNamingTheMetric()
    {
        var metrics = Create();

        var (rejected, latest) = metrics.Observe([new MetricSample("cpu", 50, Now.AddMinutes(-2)), new MetricSample("cpu", 99, Now.AddMinutes(-1))], Now);

        Assert.Empty(rejected);
        Assert.Equal(Now.AddMinutes(-1), latest);
        var (status, reason) = metrics.Health();
        Assert.Equal(HealthStatus.Critical, status);
        Assert.Contains("cpu", reason);
    }

    [Fact]
    public void Observe_BadSamples_AreRejectedByIndexAndGoodOnesKept()
    {
        var metrics = Create(maxMetrics: 2);

        var (rejected, _) = metrics.Observe(
        [
            new MetricSample("cpu", 10, Now.AddMinutes(-1)),
            new MetricSample("cpu", double.NaN, Now),
            new MetricSample("cpu", 10, Now.AddHours(1)),
            new MetricSample("cpu", 10, Now.AddMinutes(-30)),
            new MetricSample("mem", 10, Now),
            new MetricSample("disk", 10, Now),
        ], Now);

        Assert.Equal([1, 2, 3, 5], rejected.Select(r => r.Index));
        Assert.Contains("finite", rejected[0].Reason);
        Assert.Contains("future", rejected[1].Reason);
        Assert.Contains("older", rejected[2].Reason);
        Assert.Contains("too many", rejected[3].Reason);
        Assert.Equal(2, metrics.Count);
    }

    [Fact]
    public void Observe_LateSampleWithinTolerance_IsTaken()
    {
        var metrics = Create();
        metrics.Observe([new MetricSample("cpu", 10, Now)], Now);

        var (rejected, _) = metrics.Observe([new MetricSample("cpu", 12, Now.AddMinutes(-3))], Now);

        Assert.Empty(rejected);
    }

    [Fact]
    public void CheckStale_NoSampleForStaleAfter_MakesMetricUnknown()
    {
        var metrics = Create();
        metrics.Observe([new MetricSample("cpu", 10, Now)], Now);

        Assert.True(metrics.CheckStale(Now.AddMinutes(6)));
        Assert.Equal(HealthStatus.Unknown, metrics.Health().Status);
    }

    [Fact]
    public void Configure_SameSettingsAgain_KeepsWhatWasLearned()
    {
        var metrics = Create();
        metrics.Observe([new MetricSample("cpu", 99, Now)], Now);

        metrics.Configure(ImmutableSortedDictionary<string, MetricSettings>.Empty.Add("cpu", new MetricSettings { Warning = 80, Critical = 95, RaiseAfter = 1 }));

        Assert.Equal(HealthStatus.Critical, metrics.Health().Status);
    }

    [Fact]
    public void Observe_MoreMetricsThanTheScanLimit_EachSampleReachesItsOwnDetector()
    {
        var metrics = Create();
        var names = Enumerable.Range(0, ComponentMetrics.ScanLimit + 4).Select(i => $"m{i}").ToArray();

        var (rejected, _) = metrics.Observe([.. names.Select((m, i) => new MetricSample(m, i, Now))], Now);
        metrics.Observe([.. names.Select((m, i) => new MetricSample(new string(m.AsSpan()), 100 + i, Now.AddSeconds(1)))], Now.AddSeconds(1));

        Assert.Empty(rejected);
        Assert.Equal(names.Length + 1, metrics.Count);
        var snapshot = metrics.Snapshot().ToDictionary(h => h.Metric);
        for (var i = 0; i < names.Length; i++) Assert.Equal(100 + i, snapshot[names[i]].LastValue);
    }

    [Fact]
    public void Observe_CleanBatchOnWarmMetrics_AllocatesNothing()
    {
        var metrics = Create();
        MetricSample[] batch = [.. Enumerable.Range(0, 100).Select(i => new MetricSample(i % 2 == 0 ? "cpu" : "mem", 40 + i % 5, Now))];
        metrics.Observe(batch, Now);
        metrics.Health();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            metrics.Observe(batch, Now);
            metrics.Health();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
