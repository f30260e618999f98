using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class CreditCalculatorTests
{
    private static readonly CreditPolicy Policy = new("availability", [new(99.9, 5), new(99.5, 10), new(99, 25)], 20, new EarnBackRule(2, 99.95));
    private static readonly Fee Fee = new(1000m, "EUR");
    private static readonly TimeInterval June = Span(Utc(2026, 6, 1), Utc(2026, 7, 1));

    private static SloResult Result(double? achieved, TimeInterval? period = null) =>
        new("availability", SloKind.Availability, null, period ?? June, achieved, 99.9, 99.5, SloOutcome.Met, "%", 0, 0, 0, 0, 0, 0, ErrorBudget.None, 0, []);

    [Theory]
    [InlineData(99.95, 0, "0")]
    [InlineData(99.9, 0, "0")]
    [InlineData(99.7, 5, "50.00")]
    [InlineData(99.2, 10, "100.00")]
    [InlineData(98.0, 20, "200.00")]
    public void Compute_AchievedLevel_TakesWorstTierCapped(double achieved, double percent, string amount)
    {
        var c = CreditCalculator.Compute(Policy, Availability(), Fee, MeasurementPeriod.Month, Result(achieved));

        Assert.Equal(percent, c.Percent);
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), c.Amount);
        Assert.Equal("EUR", c.Currency);
    }

    [Fact]
    public void Compute_AchievedAtTierLevelByFloatingPoint_GivesNoCredit()
    {
        var c = CreditCalculator.Compute(Policy, Availability(), Fee, MeasurementPeriod.Month, Result(100.0 * (43200 - 43.2) / 43200));

        Assert.Equal(0m, c.Amount);
    }

    [Fact]
    public void Compute_Quarter_UsesThreeMonthlyFees()
    {
        var c = CreditCalculator.Compute(Policy, Availability(), Fee, new MeasurementPeriod(PeriodKind.Quarter, 0), Result(99.8));

        Assert.Equal(3000m, c.PeriodFee);
        Assert.Equal(150m, c.Amount);
    }

    [Fact]
    public void Compute_LowerIsBetterObjective_CreditsLevelsAboveTheTier()
    {
        var policy = new CreditPolicy("latency", [new(300, 5), new(800, 10)], 100, null);

        var c = CreditCalculator.Compute(policy, ResponseTime(), Fee, MeasurementPeriod.Month, Result(450));

        Assert.Equal(5, c.Percent);
        Assert.Equal(300, c.WorseThan);
    }

    [Fact]
    public void Compute_NoData_GivesNoCredit()
    {
        Assert.Equal(0m, CreditCalculator.Compute(Policy, Availability(), Fee, MeasurementPeriod.Month, Result(null)).Amount);
    }

    private static List<CreditResult> Months(params double[] achieved)
    {
        var periods = MeasurementPeriods.Last(MeasurementPeriod.Month, TimeZoneInfo.Utc, Utc(2026, 1, 1).AddMonths(achieved.Length - 1), achieved.Length);
        return [.. achieved.Select((a, i) => CreditCalculator.Compute(Policy, Availability(), Fee, MeasurementPeriod.Month, Result(a, periods[i])))];
    }

    [Fact]
    public void Trace_NextTwoPeriodsMeetLevel_CreditIsEarnedBackByThem()
    {
        var months = Months(99.7, 99.97, 99.96);

        var t = Assert.Single(EarnBackCalculator.Trace(Policy.EarnBack, true, months));

        Assert.Equal(EarnBackState.EarnedBack, t.State);
        Assert.Equal([months[1].Period, months[2].Period], t.EarnedBy);
        Assert.Equal(50m, t.Credit.Amount);
    }

    [Fact]
    public void Trace_FollowingPeriodBelowLevel_CreditIsPayableAndTheFailureTraced()
    {
        var months = Months(99.7, 99.97, 99.8);

        var traces = EarnBackCalculator.Trace(Policy.EarnBack, true, months);

        Assert.Equal([EarnBackState.Payable, EarnBackState.Pending], traces.Select(t => t.State));
        Assert.Equal(months[2].Period, traces[0].FailedIn);
        Assert.Equal([months[1].Period], traces[0].EarnedBy);
    }

    [Fact]
    public void Trace_TooFewFollowingPeriods_IsPendingAndNoRuleIsSaidSo()
    {
        var months = Months(99.7, 99.99);

        Assert.Equal(EarnBackState.Pending, Assert.Single(EarnBackCalculator.Trace(Policy.EarnBack, true, months)).State);
        Assert.Equal(EarnBackState.NoRule, Assert.Single(EarnBackCalculator.Trace(null, true, months)).State);
    }
}
