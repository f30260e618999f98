using CsCheck;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

/// <summary>Time to restore and burn rates against minute-by-minute references on the random cases of <see cref="AvailabilityPropertyTests"/>.</summary>
public sealed class RestoreAndBurnPropertyTests
{
    private static double W(SloDefinition slo, IReadOnlyList<StatusChange> timeline, DateTimeOffset t) =>
        MinuteReference.Weight(slo, MinuteReference.StatusAt(timeline, t));

    /// <summary>Outages start at a minute in a weighted status after one that is not; minutes count while the status stays weighted, before asOf.</summary>
    private static List<double> ReferenceRestoreMinutes(AvailabilityPropertyTests.Case c, SloDefinition slo, TimeZoneInfo zone)
    {
        var timeline = c.Timelines[0];
        var measuredEnd = c.AsOf < c.Period.Start ? c.Period.Start : c.AsOf > c.Period.End ? c.Period.End : c.AsOf;
        var result = new List<double>();
        for (var t = c.Period.Start; t < measuredEnd; t = t.AddMinutes(1))
        {
            if (W(slo, timeline, t) <= 0 || W(slo, timeline, t.AddMinutes(-1)) > 0) continue;
            double minutes = 0;
            for (var u = t; u < c.AsOf && W(slo, timeline, u) > 0; u = u.AddMinutes(1))
            {
                var local = TimeZoneInfo.ConvertTime(u, zone).DateTime;
                var maintenance = c.Maintenance.Any(m => m.Contains(u)) || MinuteReference.InWindows(local, c.Recurring, []);
                if (MinuteReference.InService(u, zone, c.Hours) && !maintenance) minutes++;
            }

            result.Add(minutes);
        }

        return result;
    }

    [Fact]
    public void Measure_RandomCase_RestoreTimesMatchReference()
    {
        AvailabilityPropertyTests.GenCase.Sample(c =>
        {
            // Time before the first entry is not an outage for time to restore, so Unknown carries no weight here.
            var slo = c.Slo with { Kind = SloKind.TimeToRestore, Statistic = RestoreStatistic.Mean, Downtime = [.. c.Slo.Downtime.Where(d => d.Status != HealthStatus.Unknown)] };
            var zone = TimeZoneInfo.FindSystemTimeZoneById(c.Zone);
            var expected = ReferenceRestoreMinutes(c, slo, zone);

            var mean = RestoreTimeCalculator.Measure(slo, AvailabilityPropertyTests.CalendarOf(c), c.Period, c.AsOf, c.Timelines[0], null);
            var max = RestoreTimeCalculator.Measure(slo with { Statistic = RestoreStatistic.Max }, AvailabilityPropertyTests.CalendarOf(c), c.Period, c.AsOf, c.Timelines[0], null);

            Assert.Equal(expected.Count, mean.Samples);
            Assert.Equal(expected.Count == 0 ? 0 : expected.Average(), mean.Achieved!.Value, 6);
            Assert.Equal(expected.Count == 0 ? 0 : expected.Max(), max.Achieved!.Value, 6);
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void Rate_RandomCase_MatchesReferenceOverTheWindow()
    {
        AvailabilityPropertyTests.GenCase.Select(Gen.Int[0, 4 * 1440], Gen.Int[0, 3]).Sample((c, offset, w) =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(c.Zone);
            var now = c.Period.Start.AddMinutes(offset);
            var window = new[] { BurnRateEvaluator.Defaults[w].Long, BurnRateEvaluator.Defaults[w].Short }[offset % 2];
            var f = MinuteReference.Availability(c.Slo, zone, c.Hours, c.Maintenance, c.Recurring, new TimeInterval(now - window, now), now, [c.Timelines[0]]);
            var expected = f.Measured <= 0 || f.Counted <= 0 ? 0 : f.Counted / f.Measured / ((100 - c.Slo.Target) / 100);

            var actual = BurnRateEvaluator.Rate(c.Slo, AvailabilityPropertyTests.CalendarOf(c), c.Timelines[0], now, window);

            Assert.Equal(expected, actual, 6);
        }, iter: 150, threads: 1);
    }
}
