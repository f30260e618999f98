using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Availability of one timeline over one period: achieved = (measured − counted downtime) / measured, where measured is
/// the service-hour minutes of the period up to <c>asOf</c> and counted downtime is the service-hour minutes in a down
/// status, weighted by the status's fraction (1 = down, e.g. 0.5 = partial), outside agreed maintenance. Downtime inside
/// maintenance is reported as excluded and neither counts as down nor leaves the measured time. The error budget is the
/// whole period's scheduled minutes times (100 − target) %.
/// </summary>
internal static class AvailabilityCalculator
{
    public static SloResult Measure(
        SloDefinition slo, SlaCalendar calendar, TimeInterval period, DateTimeOffset asOf,
        IReadOnlyList<StatusChange> timeline, string? service)
    {
        var measuredEnd = IntervalSet.Min(period.End, IntervalSet.Max(asOf, period.Start));
        var schedule = calendar.ServiceIntervals(period);
        var measured = IntervalSet.Clip(schedule, new TimeInterval(period.Start, measuredEnd));
        var maintenance = calendar.MaintenanceIntervals(new TimeInterval(period.Start, measuredEnd));
        var serviceTime = IntervalSet.Subtract(measured, maintenance);
        var maintenanceTime = IntervalSet.Intersect(measured, maintenance);
        var weights = SloEvaluation.Weights(slo);

        double down = 0, partial = 0, counted = 0, excluded = 0;
        var downtimes = ImmutableArray.CreateBuilder<DowntimeInterval>();
        foreach (var (range, status, entry) in StatusSegments.Within(timeline, new TimeInterval(period.Start, measuredEnd)))
        {
            var fraction = weights[(int)status];
            if (fraction <= 0) continue;
            var raw = IntervalSet.OverlapMinutes(serviceTime, range);
            var excl = IntervalSet.OverlapMinutes(maintenanceTime, range);
            if (raw + excl <= 0) continue;
            if (fraction >= 1) down += raw;
            else partial += raw;
            counted += fraction * raw;
            excluded += excl;
            downtimes.Add(new DowntimeInterval(range.Start, range.End, status, fraction, fraction * raw, excl,
                entry?.Reason ?? "no data", entry is null || entry.RootCauses.IsDefault ? [] : entry.RootCauses, service));
        }

        var scheduled = IntervalSet.Minutes(schedule);
        var measuredMinutes = IntervalSet.Minutes(measured);
        double? achieved = measuredMinutes > 0 ? 100 * (measuredMinutes - counted) / measuredMinutes : null;
        var budget = new ErrorBudget(scheduled * (100 - slo.Target) / 100, counted, "min");
        return new SloResult(slo.Name, slo.Kind, service, period, achieved, slo.Target, slo.Minimum,
            SloEvaluation.Outcome(slo, achieved), "%", scheduled, measuredMinutes, down, partial, counted, excluded,
            budget, 0, downtimes.ToImmutable());
    }

    /// <summary>Counted downtime minutes and measured minutes over a range (for burn rates).</summary>
    public static (double Counted, double Measured) Burn(SloDefinition slo, SlaCalendar calendar, TimeInterval range, IReadOnlyList<StatusChange> timeline)
    {
        var measured = calendar.ServiceIntervals(range);
        var serviceTime = IntervalSet.Subtract(measured, calendar.MaintenanceIntervals(range));
        var weights = SloEvaluation.Weights(slo);
        var counted = 0.0;
        foreach (var (r, status, _) in StatusSegments.Within(timeline, range))
        {
            if (weights[(int)status] > 0) counted += weights[(int)status] * IntervalSet.OverlapMinutes(serviceTime, r);
        }

        return (counted, IntervalSet.Minutes(measured));
    }
}
