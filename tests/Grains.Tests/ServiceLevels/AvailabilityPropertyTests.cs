using CsCheck;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

/// <summary>The interval arithmetic against <see cref="MinuteReference"/> on random zones, schedules, maintenance and timelines.</summary>
public sealed class AvailabilityPropertyTests
{
    internal sealed record Case(
        string Zone, TimeInterval Period, DateTimeOffset AsOf, ServiceHours Hours, TimeInterval[] Maintenance, ServiceWindow[] Recurring,
        SloDefinition Slo, StatusChange[][] Timelines)
    {
        public override string ToString() =>
            $"zone {Zone}, period {Period.Start:o}..{Period.End:o}, asOf {AsOf:o}, hours always={Hours.Always} " +
            $"[{string.Join("; ", Hours.Windows.Select(W))}] holidays [{string.Join(", ", Hours.Holidays)}], " +
            $"maintenance [{string.Join("; ", Maintenance.Select(m => $"{m.Start:o}..{m.End:o}"))}] recurring [{string.Join("; ", Recurring.Select(W))}], " +
            $"weights [{string.Join(", ", Slo.Downtime.Select(d => $"{d.Status}={d.Fraction}"))}], " +
            $"timelines [{string.Join(" | ", Timelines.Select(t => string.Join(", ", t.Select(c => $"{c.At:o} {c.Status}"))))}]";

        private static string W(ServiceWindow w) => $"{string.Join("", w.Days.Select(d => (int)d))} {w.From}-{w.To}";
    }

    private static readonly string[] Zones = ["Europe/Berlin", "UTC", "America/New_York", "Australia/Lord_Howe"];

    // Local dates close to DST changes in those zones (2026), and one quiet one.
    private static readonly DateTime[] Anchors =
    [
        new(2026, 3, 27), new(2026, 10, 23), new(2026, 3, 6), new(2026, 10, 30), new(2026, 4, 3), new(2026, 10, 2), new(2026, 6, 10),
    ];

    private static readonly Gen<ServiceWindow> GenWindow =
        from days in Gen.Int[1, 127]
        from startSlot in Gen.Int[0, 95]
        from endSlot in Gen.Int[0, 95]
        select new ServiceWindow([.. Enum.GetValues<DayOfWeek>().Where(d => (days & (1 << (int)d)) != 0)], TimeOnly.MinValue.AddMinutes(startSlot * 15), TimeOnly.MinValue.AddMinutes(endSlot * 15));

    internal static readonly Gen<Case> GenCase =
        from zoneId in Gen.OneOf(Zones)
        from anchor in Gen.OneOf(Anchors)
        from startMinute in Gen.Int[0, 1439]
        from length in Gen.Int[60, 4 * 1440]
        from asOfMinute in Gen.Int[-60, (4 * 1440) + 60]
        from always in Gen.Int[0, 3]
        from windows in GenWindow.Array[0, 3]
        from holidays in Gen.Int[-1, 5].Array[0, 2]
        from maintenance in Gen.Select(Gen.Int[-600, 4 * 1440], Gen.Int[1, 600]).Array[0, 2]
        from recurring in GenWindow.Array[0, 1]
        from major in Gen.OneOf(0.0, 0.5, 1.0)
        from minor in Gen.OneOf(0.0, 0.25)
        from unknown in Gen.OneOf(0.0, 1.0)
        from raw in Gen.Select(Gen.Int[-1440, (5 * 1440) + 1440], Gen.Int[0, 5]).Array[0, 10].Array[1, 3]
        select Build(zoneId, anchor, startMinute, length, asOfMinute, always == 0, windows, holidays, maintenance, recurring, major, minor, unknown, raw);

    private static Case Build(string zoneId, DateTime anchor, int startMinute, int length, int asOfMinute, bool always, ServiceWindow[] windows,
        int[] holidays, (int, int)[] maintenance, ServiceWindow[] recurring, double major, double minor, double unknown, (int, int)[][] raw)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var start = ZoneClock.ToInstant(anchor.AddMinutes(startMinute), zone);
        start = new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var period = new TimeInterval(start, start.AddMinutes(length));
        var hours = new ServiceHours(always, always ? [] : [.. windows], [.. holidays.Select(h => DateOnly.FromDateTime(anchor).AddDays(h)).Distinct()]);
        List<DowntimeWeight> weights = [new(HealthStatus.Critical, 1)];
        if (major > 0) weights.Add(new(HealthStatus.Major, major));
        if (minor > 0) weights.Add(new(HealthStatus.Minor, minor));
        if (unknown > 0) weights.Add(new(HealthStatus.Unknown, unknown));
        var slo = new SloDefinition("availability", SloKind.Availability, 99.5, 99, [.. weights], null, 0, RestoreStatistic.Mean);
        var timelines = raw.Select(t => t.Select(c => new StatusChange(start.AddMinutes(c.Item1), (HealthStatus)c.Item2, "r", [])).OrderBy(c => c.At).ToArray()).ToArray();
        return new Case(zoneId, period, start.AddMinutes(asOfMinute), hours,
            [.. maintenance.Select(m => new TimeInterval(start.AddMinutes(m.Item1), start.AddMinutes(m.Item1 + m.Item2)))], recurring, slo, timelines);
    }

    internal static SlaCalendar CalendarOf(Case c) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(c.Zone), c.Hours, c.Maintenance, c.Recurring);

    private static void AssertSame(MinuteReference.Figures expected, SloResult actual)
    {
        Assert.Equal(expected.Scheduled, actual.ScheduledMinutes, 6);
        Assert.Equal(expected.Measured, actual.MeasuredMinutes, 6);
        Assert.Equal(expected.Down, actual.DownMinutes, 6);
        Assert.Equal(expected.Partial, actual.PartialMinutes, 6);
        Assert.Equal(expected.Counted, actual.CountedDowntimeMinutes, 6);
        Assert.Equal(expected.Excluded, actual.ExcludedMinutes, 6);
        if (expected.Measured > 0) Assert.Equal(100 * (expected.Measured - expected.Counted) / expected.Measured, actual.Achieved!.Value, 6);
        else Assert.Null(actual.Achieved);
    }

    [Fact]
    public void Measure_RandomCase_MatchesMinuteByMinuteReference()
    {
        GenCase.Sample(c =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(c.Zone);
            var expected = MinuteReference.Availability(c.Slo, zone, c.Hours, c.Maintenance, c.Recurring, c.Period, c.AsOf, [c.Timelines[0]]);

            var actual = AvailabilityCalculator.Measure(c.Slo, CalendarOf(c), c.Period, c.AsOf, c.Timelines[0], null);

            AssertSame(expected, actual);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Measure_RandomServices_CombinedMatchesAnyServiceDownReference()
    {
        GenCase.Sample(c =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(c.Zone);
            var expected = MinuteReference.Availability(c.Slo, zone, c.Hours, c.Maintenance, c.Recurring, c.Period, c.AsOf, c.Timelines);
            var timelines = c.Timelines.Select((t, i) => (i, t)).ToDictionary(x => $"svc-{x.i}", x => (IReadOnlyList<StatusChange>)x.t);

            var actual = AvailabilityCalculator.Measure(c.Slo, CalendarOf(c), c.Period, c.AsOf, TimelineCombiner.Combine(timelines, c.Slo), null);

            AssertSame(expected, actual);
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void ServiceIntervals_SplitAnywhere_AddUpToTheWhole()
    {
        GenCase.Select(Gen.Int[0, 4 * 1440]).Sample((c, cut) =>
        {
            var calendar = CalendarOf(c);
            var mid = IntervalSet.Min(c.Period.End, c.Period.Start.AddMinutes(cut));

            var whole = IntervalSet.Minutes(calendar.ServiceIntervals(c.Period));
            var parts = IntervalSet.Minutes(calendar.ServiceIntervals(new TimeInterval(c.Period.Start, mid)))
                + IntervalSet.Minutes(calendar.ServiceIntervals(new TimeInterval(mid, c.Period.End)));

            Assert.Equal(whole, parts, 6);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Compute_LowerAchievedLevel_NeverGivesSmallerCredit()
    {
        var policy = new CreditPolicy("availability", [new(99.9, 5), new(99.5, 10), new(99, 25), new(95, 50)], 30, null);
        var slo = SlaFixtures.Availability();
        var period = new TimeInterval(SlaFixtures.Utc(2026, 6, 1), SlaFixtures.Utc(2026, 7, 1));
        SloResult R(double a) => new("availability", SloKind.Availability, null, period, a, 99.9, 99.5, SloOutcome.Met, "%", 0, 0, 0, 0, 0, 0, ErrorBudget.None, 0, []);

        Gen.Select(Gen.Double[90, 100], Gen.Double[90, 100]).Sample((a, b) =>
        {
            var (low, high) = a <= b ? (a, b) : (b, a);
            var fee = new Fee(1234.56m, "EUR");

            Assert.True(CreditCalculator.Compute(policy, slo, fee, MeasurementPeriod.Month, R(low)).Amount
                >= CreditCalculator.Compute(policy, slo, fee, MeasurementPeriod.Month, R(high)).Amount);
        }, iter: 500, threads: 1);
    }
}
