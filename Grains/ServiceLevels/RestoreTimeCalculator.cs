using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Time to restore: an outage is a maximal run of statuses with a downtime weight (partial included) that starts inside the
/// period (up to <c>asOf</c>); its restore time is the service-hour minutes outside maintenance from its start until the
/// timeline leaves those statuses (the clock stops outside service hours), or until <c>asOf</c> when it is still open.
/// Achieved = mean or max of those minutes; no outage gives 0 (met).
/// </summary>
internal static class RestoreTimeCalculator
{
    public static SloResult Measure(SloDefinition slo, SlaCalendar calendar, TimeInterval period, DateTimeOffset asOf,
        IReadOnlyList<StatusChange> timeline, string? service)
    {
        var measuredEnd = IntervalSet.Min(period.End, IntervalSet.Max(asOf, period.Start));
        var weights = SloEvaluation.Weights(slo);
        // Of several entries at one instant the last is the status from then on.
        var ordered = timeline.OrderBy(c => c.At).GroupBy(c => c.At).Select(g => g.Last()).ToList();
        var times = new List<double>();
        var outages = ImmutableArray.CreateBuilder<DowntimeInterval>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (weights[(int)ordered[i].Status] <= 0 || (i > 0 && weights[(int)ordered[i - 1].Status] > 0)) continue;
            var start = ordered[i].At;
            if (start < period.Start || start >= measuredEnd) continue;
            var j = i + 1;
            while (j < ordered.Count && weights[(int)ordered[j].Status] > 0) j++;
            var end = j < ordered.Count ? IntervalSet.Min(ordered[j].At, IntervalSet.Max(asOf, start)) : IntervalSet.Max(asOf, start);
            var outage = new TimeInterval(start, end);
            var minutes = IntervalSet.Minutes(IntervalSet.Subtract(calendar.ServiceIntervals(outage), calendar.MaintenanceIntervals(outage)));
            times.Add(minutes);
            outages.Add(new DowntimeInterval(start, end, ordered[i].Status, weights[(int)ordered[i].Status], minutes, 0,
                ordered[i].Reason, ordered[i].RootCauses.IsDefault ? [] : ordered[i].RootCauses, service));
        }

        double achieved = times.Count == 0 ? 0 : slo.Statistic == RestoreStatistic.Max ? times.Max() : times.Average();
        var schedule = calendar.ServiceIntervals(period);
        return new SloResult(slo.Name, slo.Kind, service, period, achieved, slo.Target, slo.Minimum,
            SloEvaluation.Outcome(slo, achieved), "min", IntervalSet.Minutes(schedule),
            IntervalSet.Minutes(IntervalSet.Clip(schedule, new TimeInterval(period.Start, measuredEnd))), 0, 0, 0, 0,
            new ErrorBudget(slo.Target, achieved, "min"), times.Count, outages.ToImmutable());
    }
}
