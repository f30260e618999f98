using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class SlaReportsTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 12, 4, 10);

    private static SlaLifecycle Lifecycle() =>
        new(Definition(
            credits: new CreditPolicy("availability", [new CreditTier(99.9, 10)], 30, new EarnBackRule(2, 99.95)),
            fee: new Fee(1000, "EUR")), "test", Now);

    private static MeasurementData Data(params StatusChange[] timeline) =>
        new([], new Dictionary<string, IReadOnlyList<StatusChange>> { ["svc-webshop"] = timeline }, new Dictionary<(string, string), IReadOnlyList<MetricBucket>>());

    [Fact]
    public void Build_SeptemberCreditThenTwoCleanMonths_TrendFromFirstDataAndCreditEarnedBack()
    {
        var lifecycle = Lifecycle();
        var (period, version, zone, error) = SlaReports.Resolve(lifecycle, "2026-11", Now);
        var periods = SlaReports.Periods(version!, zone, period!);

        var report = SlaReports.Build(lifecycle, periods, Data(Change(Utc(2026, 9, 10), HealthStatus.Critical, "db"), Change(Utc(2026, 9, 10, 1), HealthStatus.Ok)), Now);

        Assert.Null(error);
        Assert.Equal(6, periods.Count);
        // June to August ended before anything was recorded: the trend starts in September (60 of 43 200 minutes down).
        Assert.Equal([Utc(2026, 9, 1), Utc(2026, 10, 1), Utc(2026, 11, 1)], report.History.Select(h => h.Period.Start));
        Assert.Equal(100.0 * (43200 - 60) / 43200, report.History[0].Achieved!.Value, 9);
        var trace = Assert.Single(report.EarnBack);
        Assert.Equal((100.00m, EarnBackState.EarnedBack, 2), (trace.Credit.Amount, trace.State, trace.EarnedBy.Length));
        Assert.Equal(0m, report.Credit!.Amount);
    }

    [Theory]
    [InlineData("2027-01", "has not started yet")]
    [InlineData("2026-11-31", "is not a period")]
    public void Resolve_FutureOrUnknownPeriod_SaysWhy(string label, string expected)
    {
        var (period, _, _, error) = SlaReports.Resolve(Lifecycle(), label, Now);

        Assert.Null(period);
        Assert.Contains(expected, error);
    }
}
