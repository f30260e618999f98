using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class MeasurementPeriodsTests
{
    [Fact]
    public void Containing_MarchInBerlin_StartsAndEndsAtLocalMidnightAndLacksAnHour()
    {
        var p = MeasurementPeriods.Containing(MeasurementPeriod.Month, Berlin, Utc(2026, 3, 15));

        Assert.Equal(Utc(2026, 2, 28, 23), p.Start);
        Assert.Equal(Utc(2026, 3, 31, 22), p.End);
        Assert.Equal(((31 * 24) - 1) * 60, p.Minutes);
    }

    [Fact]
    public void Containing_InstantJustBeforeLocalMidnight_BelongsToTheLocalMonth()
    {
        // 2026-04-30T22:30Z is 00:30 on 1 May in Berlin.
        var p = MeasurementPeriods.Containing(MeasurementPeriod.Month, Berlin, Utc(2026, 4, 30, 22, 30));

        Assert.Equal(Utc(2026, 4, 30, 22), p.Start);
    }

    [Fact]
    public void Containing_Quarter_CoversThreeMonthsWithTheDstHour()
    {
        var q1 = MeasurementPeriods.Containing(new MeasurementPeriod(PeriodKind.Quarter, 0), Berlin, Utc(2026, 2, 10));
        var q4 = MeasurementPeriods.Containing(new MeasurementPeriod(PeriodKind.Quarter, 0), Berlin, Utc(2026, 11, 10));

        Assert.Equal(Span(Utc(2025, 12, 31, 23), Utc(2026, 3, 31, 22)), q1);
        Assert.Equal((((31 + 28 + 31) * 24) - 1) * 60, q1.Minutes);
        Assert.Equal((((31 + 30 + 31) * 24) + 1) * 60, q4.Minutes);
    }

    [Fact]
    public void Containing_Rolling28Days_EndsWithTheLocalDayOfTheInstant()
    {
        var p = MeasurementPeriods.Containing(new MeasurementPeriod(PeriodKind.Rolling, 28), Berlin, InBerlin(2026, 4, 5, 12));

        Assert.Equal(InBerlin(2026, 3, 9), p.Start);
        Assert.Equal(InBerlin(2026, 4, 6), p.End);
        Assert.Equal(((28 * 24) - 1) * 60, p.Minutes);
    }

    [Fact]
    public void Previous_Rolling_IsTheAdjacentNDays()
    {
        var period = new MeasurementPeriod(PeriodKind.Rolling, 7);
        var p = MeasurementPeriods.Containing(period, Berlin, InBerlin(2026, 6, 10, 9));

        var previous = MeasurementPeriods.Previous(period, Berlin, p);

        Assert.Equal(p.Start, previous.End);
        Assert.Equal(InBerlin(2026, 5, 28), previous.Start);
    }

    [Fact]
    public void Containing_WeekWithFallBack_RunsMondayToMondayWith169Hours()
    {
        var p = MeasurementPeriods.Containing(new MeasurementPeriod(PeriodKind.Week, 0), Berlin, InBerlin(2026, 10, 21, 15));

        Assert.Equal(InBerlin(2026, 10, 19), p.Start);
        Assert.Equal(169 * 60, p.Minutes);
    }

    [Fact]
    public void Last_Three_AreConsecutiveOldestFirst()
    {
        var periods = MeasurementPeriods.Last(MeasurementPeriod.Month, Berlin, Utc(2027, 1, 15), 3);

        Assert.Equal(["2026-11", "2026-12", "2027-01"], periods.Select(p => MeasurementPeriods.Label(MeasurementPeriod.Month, Berlin, p)));
        Assert.Equal(periods[0].End, periods[1].Start);
        Assert.Equal(periods[1].End, periods[2].Start);
    }

    [Theory]
    [InlineData(PeriodKind.Month, 0, "1")]
    [InlineData(PeriodKind.Quarter, 0, "3")]
    [InlineData(PeriodKind.Rolling, 365, "12")]
    public void FeeFactor_Kind_IsMonthsWorth(PeriodKind kind, int days, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MeasurementPeriods.FeeFactor(new MeasurementPeriod(kind, days)));
    }

    [Fact]
    public void ToInstant_SkippedTime_IsTheJump()
    {
        Assert.Equal(Utc(2026, 3, 29, 1), ZoneClock.ToInstant(new DateTime(2026, 3, 29, 2, 30, 0), Berlin));
    }

    [Fact]
    public void ToInstant_RepeatedTime_IsTheFirstOccurrence()
    {
        Assert.Equal(Utc(2026, 10, 25, 0, 30), ZoneClock.ToInstant(new DateTime(2026, 10, 25, 2, 30, 0), Berlin));
    }
}
