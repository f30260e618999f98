using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class WeeklyScheduleTests
{
    private static double Minutes(ServiceHours hours, TimeInterval range, TimeZoneInfo? zone = null) =>
        IntervalSet.Minutes(WeeklySchedule.For(hours, zone ?? Berlin).Intervals(range));

    [Fact]
    public void Intervals_AlwaysOnSpringForwardDay_Has23Hours()
    {
        var day = Span(InBerlin(2026, 3, 29), InBerlin(2026, 3, 30));

        Assert.Equal(23 * 60, Minutes(ServiceHours.AlwaysOn, day));
    }

    [Fact]
    public void Intervals_AlwaysOnFallBackDay_Has25Hours()
    {
        var day = Span(InBerlin(2026, 10, 25), InBerlin(2026, 10, 26));

        Assert.Equal(25 * 60, Minutes(ServiceHours.AlwaysOn, day));
    }

    [Fact]
    public void Intervals_NightWindowAcrossSpringForward_Has7Hours()
    {
        // Saturday 22:00 CET (21:00Z) to Sunday 06:00 CEST (04:00Z).
        var range = Span(InBerlin(2026, 3, 28, 12), InBerlin(2026, 3, 29, 12));

        var intervals = WeeklySchedule.For(Hours(Window("22:00", "06:00")), Berlin).Intervals(range);

        Assert.Equal([Span(Utc(2026, 3, 28, 21), Utc(2026, 3, 29, 4))], intervals);
    }

    [Fact]
    public void Intervals_NightWindowAcrossFallBack_Has9Hours()
    {
        // Saturday 22:00 CEST (20:00Z) to Sunday 06:00 CET (05:00Z).
        var range = Span(InBerlin(2026, 10, 24, 12), InBerlin(2026, 10, 25, 12));

        Assert.Equal(9 * 60, Minutes(Hours(Window("22:00", "06:00")), range));
    }

    [Fact]
    public void Intervals_WindowStartingInSkippedHour_StartsAtTheJump()
    {
        // 02:30-03:30 on the spring-forward Sunday: clocks only show 03:00-03:30.
        var day = Span(InBerlin(2026, 3, 29), InBerlin(2026, 3, 30));

        var intervals = WeeklySchedule.For(Hours(Window("02:30", "03:30", DayOfWeek.Sunday)), Berlin).Intervals(day);

        Assert.Equal([Span(Utc(2026, 3, 29, 1), Utc(2026, 3, 29, 1, 30))], intervals);
    }

    [Fact]
    public void Intervals_WindowInRepeatedHour_CountsEveryMinuteTheClocksShowIt()
    {
        // 02:30-03:30 on the fall-back Sunday: 02:30-03:00 CEST, then 02:30-03:30 CET = 90 minutes.
        var day = Span(InBerlin(2026, 10, 25), InBerlin(2026, 10, 26));

        var intervals = WeeklySchedule.For(Hours(Window("02:30", "03:30", DayOfWeek.Sunday)), Berlin).Intervals(day);

        Assert.Equal([Span(Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 1)), Span(Utc(2026, 10, 25, 1, 30), Utc(2026, 10, 25, 2, 30))], intervals);
    }

    [Fact]
    public void Intervals_WeekdayBusinessHoursInDstWeek_Have60Hours()
    {
        var week = Span(InBerlin(2026, 3, 23), InBerlin(2026, 3, 30));

        Assert.Equal(60 * 60, Minutes(Hours(Window("08:00", "20:00", Weekdays)), week));
    }

    [Fact]
    public void Intervals_HolidayOnFriday_DropsThatDay()
    {
        var week = Span(InBerlin(2026, 12, 21), InBerlin(2026, 12, 28));
        var hours = new ServiceHours(false, [Window("08:00", "20:00", Weekdays)], [new DateOnly(2026, 12, 25)]);

        Assert.Equal(4 * 12 * 60, Minutes(hours, week));
    }

    [Fact]
    public void Intervals_HolidayWithNightWindow_DropsTheWindowStartingThatDayOnly()
    {
        // The window starting on the 24th still runs 00:00-06:00 on the 25th; the one starting on the 25th is dropped.
        var range = Span(InBerlin(2026, 12, 25), InBerlin(2026, 12, 26, 12));
        var hours = new ServiceHours(false, [Window("22:00", "06:00")], [new DateOnly(2026, 12, 25)]);

        Assert.Equal(6 * 60, Minutes(hours, range));
    }

    [Fact]
    public void Intervals_FromEqualsTo_IsAWholeDayFromThatTime()
    {
        var range = Span(Utc(2026, 6, 1), Utc(2026, 6, 8));

        Assert.Equal(24 * 60, Minutes(Hours(Window("08:00", "08:00", DayOfWeek.Wednesday)), range, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Intervals_OverlappingWindows_AreMerged()
    {
        var day = Span(Utc(2026, 6, 1), Utc(2026, 6, 2));

        var intervals = WeeklySchedule.For(Hours(Window("08:00", "12:00"), Window("10:00", "14:00")), TimeZoneInfo.Utc).Intervals(day);

        Assert.Equal([Span(Utc(2026, 6, 1, 8), Utc(2026, 6, 1, 14))], intervals);
    }
}
