using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class BurnRateEvaluatorTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 6, 10, 12);

    [Fact]
    public void Evaluate_OngoingOutage_FiresEveryWindow()
    {
        StatusChange[] timeline = [Change(Now.AddDays(-5), HealthStatus.Ok), Change(Now.AddMinutes(-10), HealthStatus.Critical)];

        var alerts = BurnRateEvaluator.Evaluate(Availability(99.9), Calendar(), timeline, Now);

        Assert.All(alerts, a => Assert.True(a.Firing));
        Assert.Equal(10.0 / 60 / 0.001, alerts[0].LongRate, 6);
        Assert.Equal(1000, alerts[0].ShortRate, 6);
    }

    [Fact]
    public void Evaluate_OutageEndedTwoHoursAgo_FiresOnlyTheSlowWindow()
    {
        // 60 minutes down from 3 h to 2 h ago: 1h/5m and 6h/30m and 1d/2h short windows see nothing; 3d (13.9x) and 6h (166x) fire.
        StatusChange[] timeline = [Change(Now.AddDays(-5), HealthStatus.Ok), Change(Now.AddHours(-3), HealthStatus.Critical), Change(Now.AddHours(-2), HealthStatus.Ok)];

        var alerts = BurnRateEvaluator.Evaluate(Availability(99.9), Calendar(), timeline, Now);

        Assert.Equal([false, false, false, true], alerts.Select(a => a.Firing));
        Assert.Equal(60.0 / 4320 / 0.001, alerts[3].LongRate, 6);
        Assert.Equal(60.0 / 1440 / 0.001, alerts[2].LongRate, 6);
        Assert.Equal(0, alerts[2].ShortRate);
    }

    [Fact]
    public void Evaluate_OutageInMaintenance_BurnsNothing()
    {
        var calendar = Calendar(maintenance: [Span(Now.AddHours(-1), Now)]);
        StatusChange[] timeline = [Change(Now.AddMinutes(-30), HealthStatus.Critical)];

        var alerts = BurnRateEvaluator.Evaluate(Availability(99.9), calendar, timeline, Now);

        Assert.All(alerts, a => Assert.False(a.Firing));
    }

    [Fact]
    public void Evaluate_CustomWindows_AreUsed()
    {
        StatusChange[] timeline = [Change(Now.AddMinutes(-6), HealthStatus.Critical), Change(Now.AddMinutes(-3), HealthStatus.Ok)];
        BurnRateWindow[] windows = [new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(6), 50, "page")];

        var alert = Assert.Single(BurnRateEvaluator.Evaluate(Availability(99), Calendar(), timeline, Now, windows));

        Assert.Equal(3.0 / 30 / 0.01, alert.LongRate, 6);
        Assert.Equal(50, alert.ShortRate, 6);
        Assert.False(alert.Firing);
    }

    [Fact]
    public void ScaledDefaults_Quarter_TriplesTheFactors()
    {
        Assert.Equal([43.2, 18, 9, 3], BurnRateEvaluator.ScaledDefaults(90).Select(w => w.Factor));
        Assert.Equal([14.4, 6, 3, 1], BurnRateEvaluator.ScaledDefaults(30).Select(w => w.Factor));
    }
}
