using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class SlaMeasurementTests
{
    private static readonly TimeInterval June1 = Span(Utc(2026, 6, 1), Utc(2026, 6, 2));

    [Fact]
    public void Measure_TwoServices_CombinedCountsAMinuteDownWhenAnyServiceIsDown()
    {
        var m = new SlaMeasurement(Definition());
        var timelines = new Dictionary<string, IReadOnlyList<StatusChange>>
        {
            ["svc-webshop"] = [Change(Utc(2026, 6, 1), HealthStatus.Ok), Change(Utc(2026, 6, 1, 10), HealthStatus.Critical, "db"), Change(Utc(2026, 6, 1, 11), HealthStatus.Ok)],
            ["svc-payments"] = [Change(Utc(2026, 6, 1), HealthStatus.Ok), Change(Utc(2026, 6, 1, 10, 30), HealthStatus.Critical, "psp"), Change(Utc(2026, 6, 1, 12), HealthStatus.Ok)],
        };

        var results = m.Measure(June1, June1.End, timelines);

        Assert.Equal([null, "svc-payments", "svc-webshop"], results.Select(r => r.Service));
        Assert.Equal([120.0, 90.0, 60.0], results.Select(r => Math.Round(r.CountedDowntimeMinutes, 9)));
        var combined = results[0];
        Assert.Equal(["db", "psp,db", "psp"], combined.Downtimes.Select(d => string.Join(",", d.RootCauses)));
    }

    [Fact]
    public void Measure_OneService_ReportsOnlyTheSlaWideFigure()
    {
        var m = new SlaMeasurement(Definition(slos: [Availability(), Restore(RestoreStatistic.Max)]));
        var timelines = new Dictionary<string, IReadOnlyList<StatusChange>> { ["svc-webshop"] = [Change(Utc(2026, 6, 1), HealthStatus.Ok)] };

        var results = m.Measure(June1, June1.End, timelines);

        Assert.Equal(2, results.Length);
        Assert.All(results, r => Assert.Null(r.Service));
    }

    [Fact]
    public void Measure_MetricsOfTwoServices_ArePooled()
    {
        var m = new SlaMeasurement(Definition(slos: [ErrorRate()]));
        var metrics = new Dictionary<(string, string), IReadOnlyList<MetricBucket>>
        {
            [("svc-webshop", "http.requests")] = [new MetricBucket(Utc(2026, 6, 1, 9), 900, 0, [])],
            [("svc-payments", "http.requests")] = [new MetricBucket(Utc(2026, 6, 1, 9), 100, 2, [])],
        };

        var results = m.Measure(June1, June1.End, new Dictionary<string, IReadOnlyList<StatusChange>>(), metrics);

        Assert.Equal([0.2, 2.0, 0.0], results.Select(r => r.Achieved!.Value));
        Assert.Equal(1000, results[0].Samples);
    }
}
