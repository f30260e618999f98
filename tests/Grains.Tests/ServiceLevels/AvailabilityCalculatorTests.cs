using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class AvailabilityCalculatorTests
{
    private static readonly TimeInterval June1 = Span(Utc(2026, 6, 1), Utc(2026, 6, 2));
    private static readonly TimeInterval June = Span(Utc(2026, 6, 1), Utc(2026, 7, 1));

    [Fact]
    public void Measure_MaintenanceOverlapsDowntime_OverlapIsExcludedNotDown()
    {
        var calendar = Calendar(maintenance: [Span(Utc(2026, 6, 1, 10, 30), Utc(2026, 6, 1, 12))]);
        StatusChange[] timeline = [Change(Utc(2026, 6, 1), HealthStatus.Ok), Change(Utc(2026, 6, 1, 10), HealthStatus.Critical, "db-primary"), Change(Utc(2026, 6, 1, 11), HealthStatus.Ok)];

        var r = AvailabilityCalculator.Measure(Availability(), calendar, June1, June1.End, timeline, null);

        Assert.Equal(1440, r.ScheduledMinutes);
        Assert.Equal(30, r.DownMinutes, 9);
        Assert.Equal(30, r.ExcludedMinutes, 9);
        Assert.Equal(100.0 * (1440 - 30) / 1440, r.Achieved!.Value, 9);
        var d = Assert.Single(r.Downtimes);
        Assert.Equal((30.0, 30.0), (d.CountedMinutes, d.ExcludedMinutes));
        Assert.Equal(["db-primary"], d.RootCauses);
    }

    [Fact]
    public void Measure_DowntimeSpanningPeriodBoundaries_CountsOnlyTheInsidePart()
    {
        StatusChange[] timeline =
        [
            Change(Utc(2026, 5, 31, 23), HealthStatus.Critical), Change(Utc(2026, 6, 1, 1), HealthStatus.Ok),
            Change(Utc(2026, 6, 30, 23, 30), HealthStatus.Critical), Change(Utc(2026, 7, 1, 2), HealthStatus.Ok),
        ];

        var r = AvailabilityCalculator.Measure(Availability(99.9, 99.5), Calendar(), June, Utc(2026, 7, 5), timeline, null);

        Assert.Equal(43200, r.ScheduledMinutes);
        Assert.Equal(90, r.CountedDowntimeMinutes, 9);
        Assert.Equal(100.0 * (43200 - 90) / 43200, r.Achieved!.Value, 9);
        Assert.Equal(SloOutcome.Missed, r.Outcome);
        Assert.Equal([Utc(2026, 6, 1), Utc(2026, 6, 30, 23, 30)], r.Downtimes.Select(d => d.Start));
        Assert.Equal([Utc(2026, 6, 1, 1), Utc(2026, 7, 1)], r.Downtimes.Select(d => d.End));
        Assert.Equal(43.2, r.Budget.Total, 9);
        Assert.Equal(43.2 - 90, r.Budget.Remaining, 9);
    }

    [Fact]
    public void Measure_MajorAsHalfDowntime_CountsPartialMinutesAtHalfWeight()
    {
        var slo = Availability(99, 98, new DowntimeWeight(HealthStatus.Critical, 1), new DowntimeWeight(HealthStatus.Major, 0.5));
        StatusChange[] timeline =
        [
            Change(Utc(2026, 6, 1), HealthStatus.Ok), Change(Utc(2026, 6, 1, 8), HealthStatus.Major),
            Change(Utc(2026, 6, 1, 10), HealthStatus.Critical), Change(Utc(2026, 6, 1, 10, 30), HealthStatus.Ok),
        ];

        var r = AvailabilityCalculator.Measure(slo, Calendar(), June1, June1.End, timeline, null);

        Assert.Equal(30, r.DownMinutes, 9);
        Assert.Equal(120, r.PartialMinutes, 9);
        Assert.Equal(90, r.CountedDowntimeMinutes, 9);
        Assert.Equal(100.0 * (1440 - 90) / 1440, r.Achieved!.Value, 9);
        Assert.Equal([0.5, 1.0], r.Downtimes.Select(d => d.Fraction));
    }

    [Fact]
    public void Measure_MajorNotConfigured_DoesNotCount()
    {
        StatusChange[] timeline = [Change(Utc(2026, 6, 1), HealthStatus.Major)];

        var r = AvailabilityCalculator.Measure(Availability(), Calendar(), June1, June1.End, timeline, null);

        Assert.Equal(100, r.Achieved);
        Assert.Empty(r.Downtimes);
    }

    [Fact]
    public void Measure_NightServiceHoursAcrossSpringForward_CountsOnlyScheduledMinutes()
    {
        // Service 22:00-06:00 (7 hours that night). Down 21:00Z-21:30Z (22:00-22:30 CET, inside) and
        // 00:30Z-02:30Z (01:30 CET to 04:30 CEST, inside) and 05:00Z-06:00Z (07:00 CEST, outside).
        var calendar = Calendar("Europe/Berlin", Hours(Window("22:00", "06:00")));
        var range = Span(InBerlin(2026, 3, 28, 12), InBerlin(2026, 3, 29, 12));
        StatusChange[] timeline =
        [
            Change(Utc(2026, 3, 28, 20), HealthStatus.Critical), Change(Utc(2026, 3, 28, 21, 30), HealthStatus.Ok),
            Change(Utc(2026, 3, 29, 0, 30), HealthStatus.Critical), Change(Utc(2026, 3, 29, 2, 30), HealthStatus.Ok),
            Change(Utc(2026, 3, 29, 5), HealthStatus.Critical), Change(Utc(2026, 3, 29, 6), HealthStatus.Ok),
        ];

        var r = AvailabilityCalculator.Measure(Availability(), calendar, range, range.End, timeline, null);

        Assert.Equal(420, r.ScheduledMinutes);
        Assert.Equal(150, r.DownMinutes, 9);
        Assert.Equal(100.0 * (420 - 150) / 420, r.Achieved!.Value, 9);
        Assert.Equal(2, r.Downtimes.Length);
    }

    [Fact]
    public void Measure_QuarterInBerlin_UsesTheLongerQ4()
    {
        var q4 = MeasurementPeriods.Containing(new MeasurementPeriod(PeriodKind.Quarter, 0), Berlin, Utc(2026, 11, 1));
        StatusChange[] timeline = [Change(Utc(2026, 11, 3, 8), HealthStatus.Critical), Change(Utc(2026, 11, 3, 10), HealthStatus.Ok)];

        var r = AvailabilityCalculator.Measure(Availability(), Calendar("Europe/Berlin"), q4, q4.End, timeline, null);

        Assert.Equal(132540, r.ScheduledMinutes);
        Assert.Equal(100.0 * (132540 - 120) / 132540, r.Achieved!.Value, 9);
    }

    [Fact]
    public void Measure_PeriodInProgress_MeasuresUpToAsOfButBudgetsTheWholePeriod()
    {
        StatusChange[] timeline = [Change(Utc(2026, 6, 2), HealthStatus.Critical), Change(Utc(2026, 6, 2, 1), HealthStatus.Ok)];

        var r = AvailabilityCalculator.Measure(Availability(99.9), Calendar(), June, Utc(2026, 6, 16), timeline, null);

        Assert.Equal(43200, r.ScheduledMinutes);
        Assert.Equal(21600, r.MeasuredMinutes);
        Assert.Equal(100.0 * (21600 - 60) / 21600, r.Achieved!.Value, 9);
        Assert.Equal(-16.8, r.Budget.Remaining, 9);
    }

    [Fact]
    public void Measure_NoDataBeforeFirstEntry_IsNotDownUnlessConfigured()
    {
        StatusChange[] timeline = [Change(Utc(2026, 6, 1, 12), HealthStatus.Ok)];
        var unknownCounts = Availability(99, 98, new DowntimeWeight(HealthStatus.Critical, 1), new DowntimeWeight(HealthStatus.Unknown, 1));

        var byDefault = AvailabilityCalculator.Measure(Availability(), Calendar(), June1, June1.End, timeline, null);
        var configured = AvailabilityCalculator.Measure(unknownCounts, Calendar(), June1, June1.End, timeline, null);

        Assert.Equal(100, byDefault.Achieved);
        Assert.Equal(50, configured.Achieved!.Value, 9);
        Assert.Equal("no data", Assert.Single(configured.Downtimes).Reason);
    }

    [Fact]
    public void Measure_AchievedExactlyAtTarget_IsMet()
    {
        // 43.2 minutes of 43200 is exactly 99.9 %, which floating point computes as 99.8999999...
        StatusChange[] timeline = [Change(Utc(2026, 6, 3), HealthStatus.Critical), Change(Utc(2026, 6, 3, 0, 43).AddSeconds(12), HealthStatus.Ok)];

        var r = AvailabilityCalculator.Measure(Availability(99.9, 99.5), Calendar(), June, June.End, timeline, null);

        Assert.Equal(SloOutcome.Met, r.Outcome);
        Assert.Equal(0, r.Budget.Remaining, 9);
    }

    [Fact]
    public void Measure_NoServiceHours_IsNoData()
    {
        var calendar = Calendar(hours: Hours(Window("08:00", "18:00", DayOfWeek.Saturday)));

        var r = AvailabilityCalculator.Measure(Availability(), calendar, June1, June1.End, [], null);

        Assert.Null(r.Achieved);
        Assert.Equal(SloOutcome.NoData, r.Outcome);
    }

    [Fact]
    public void Measure_RecurringMaintenanceInBerlin_ExcludesLocalWindow()
    {
        // Sunday 02:00-04:00 Berlin (CEST) = 00:00Z-02:00Z on 2026-06-07.
        var calendar = Calendar("Europe/Berlin", recurring: [Window("02:00", "04:00", DayOfWeek.Sunday)]);
        StatusChange[] timeline = [Change(Utc(2026, 6, 6, 23), HealthStatus.Critical), Change(Utc(2026, 6, 7, 3), HealthStatus.Ok)];
        var june = MeasurementPeriods.Containing(MeasurementPeriod.Month, Berlin, Utc(2026, 6, 10));

        var r = AvailabilityCalculator.Measure(Availability(), calendar, june, june.End, timeline, null);

        Assert.Equal(120, r.ExcludedMinutes, 9);
        Assert.Equal(120, r.DownMinutes, 9);
    }
}
