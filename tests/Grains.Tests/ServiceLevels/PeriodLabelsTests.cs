using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class PeriodLabelsTests
{
    private static readonly DateTimeOffset Now = Utc(2026, 12, 4, 10);

    [Theory]
    [InlineData("2026-11")]
    [InlineData("2026-11-30")]
    [InlineData(" 2026-11-01 ")]
    public void Find_MonthlySlaInBerlin_IsTheLocalMonth(string label)
    {
        var p = PeriodLabels.Find(label, MeasurementPeriod.Month, Berlin, Now);

        Assert.Equal(Span(Utc(2026, 10, 31, 23), Utc(2026, 11, 30, 23)), p);
    }

    [Fact]
    public void Find_QuarterAndWeekLabels_AreThePeriodContainingTheirFirstDay()
    {
        Assert.Equal(Span(Utc(2026, 9, 30, 22), Utc(2026, 12, 31, 23)), PeriodLabels.Find("2026-Q4", new MeasurementPeriod(PeriodKind.Quarter, 0), Berlin, Now));
        Assert.Equal(Span(Utc(2026, 11, 22, 23), Utc(2026, 11, 29, 23)), PeriodLabels.Find("2026-W48", new MeasurementPeriod(PeriodKind.Week, 0), Berlin, Now));
        Assert.Equal(Span(Utc(2026, 10, 25, 23), Utc(2026, 11, 1, 23)), PeriodLabels.Find("2026-11", new MeasurementPeriod(PeriodKind.Week, 0), Berlin, Now));
    }

    [Fact]
    public void Find_Empty_IsTheCurrentPeriod()
    {
        Assert.Equal(Span(Utc(2026, 12, 1), Utc(2027, 1, 1)), PeriodLabels.Find(null, MeasurementPeriod.Month, TimeZoneInfo.Utc, Now));
    }

    [Theory]
    [InlineData("november")]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-W54")]
    public void Find_NotAPeriod_IsNull(string label)
    {
        Assert.Null(PeriodLabels.Find(label, MeasurementPeriod.Month, Berlin, Now));
    }
}
