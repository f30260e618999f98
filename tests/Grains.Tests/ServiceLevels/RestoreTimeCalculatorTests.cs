using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class RestoreTimeCalculatorTests
{
    private static readonly TimeInterval June = Span(Utc(2026, 6, 1), Utc(2026, 7, 1));

    private static readonly StatusChange[] TwoOutages =
    [
        Change(Utc(2026, 6, 1), HealthStatus.Ok),
        Change(Utc(2026, 6, 3, 10), HealthStatus.Critical), Change(Utc(2026, 6, 3, 10, 45), HealthStatus.Ok),
        Change(Utc(2026, 6, 4, 14), HealthStatus.Critical), Change(Utc(2026, 6, 4, 15), HealthStatus.Warning), Change(Utc(2026, 6, 4, 16), HealthStatus.Ok),
    ];

    [Theory]
    [InlineData(RestoreStatistic.Mean, 52.5)]
    [InlineData(RestoreStatistic.Max, 60)]
    public void Measure_TwoOutages_SummarisesRestoreMinutes(RestoreStatistic statistic, double expected)
    {
        var r = RestoreTimeCalculator.Measure(Restore(statistic), Calendar(), June, June.End, TwoOutages, null);

        Assert.Equal(expected, r.Achieved!.Value, 9);
        Assert.Equal(2, r.Samples);
        Assert.Equal(SloOutcome.Met, r.Outcome);
    }

    [Fact]
    public void Measure_OutageOvernightWithBusinessHours_StopsTheClockOutsideServiceHours()
    {
        // Down from 19:00 to 09:00 next day with service 08:00-20:00: 60 + 60 minutes.
        StatusChange[] timeline = [Change(Utc(2026, 6, 2, 19), HealthStatus.Critical), Change(Utc(2026, 6, 3, 9), HealthStatus.Ok)];

        var r = RestoreTimeCalculator.Measure(Restore(RestoreStatistic.Max), Calendar(hours: Hours(Window("08:00", "20:00"))), June, June.End, timeline, null);

        Assert.Equal(120, r.Achieved!.Value, 9);
    }

    [Fact]
    public void Measure_StillDown_CountsTheTimeSoFarAndNoOutageMeansZero()
    {
        StatusChange[] open = [Change(Utc(2026, 6, 10, 8), HealthStatus.Critical)];

        var r = RestoreTimeCalculator.Measure(Restore(RestoreStatistic.Max, 60, 240), Calendar(), June, Utc(2026, 6, 10, 13), open, null);
        var none = RestoreTimeCalculator.Measure(Restore(RestoreStatistic.Max), Calendar(), June, June.End, [], null);

        Assert.Equal(300, r.Achieved!.Value, 9);
        Assert.Equal(SloOutcome.Breached, r.Outcome);
        Assert.Equal(0, none.Achieved);
        Assert.Equal(SloOutcome.Met, none.Outcome);
    }

    [Fact]
    public void Measure_TwoEntriesAtOneInstant_TheLastOneHolds()
    {
        StatusChange[] timeline = [Change(Utc(2026, 6, 2, 8), HealthStatus.Critical), Change(Utc(2026, 6, 2, 8), HealthStatus.Ok)];

        var r = RestoreTimeCalculator.Measure(Restore(RestoreStatistic.Max), Calendar(), June, June.End, timeline, null);

        Assert.Equal(0, r.Samples);
    }
}
