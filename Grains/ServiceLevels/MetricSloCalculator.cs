using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Response-time and error-rate objectives from metric buckets. A bucket counts when its start lies in the period (up to
/// <c>asOf</c>), inside service hours and outside agreed maintenance. Response time: achieved = the period's percentile
/// (ms) of the pooled histogram; the budget is the requests allowed above the target (100 − percentile %), used = requests
/// slower than the target. Error rate, two forms of metric: counted requests (the default): achieved = 100 × errors /
/// requests, budget = target % of the requests, used = the errors; a metric of percentages (<c>meanOfSamples</c>: the
/// metric's unit is "%", each sample's value is an error rate in %, as component grains record it): achieved = the mean
/// of the samples (Σ ValueSum / Σ Requests, Requests counting samples), budget = target % of the samples, used =
/// Σ ValueSum / 100 (sample-equivalents), so used / total = achieved / target either way.
/// </summary>
internal static class MetricSloCalculator
{
    public static SloResult Measure(SloDefinition slo, SlaCalendar calendar, TimeInterval period, DateTimeOffset asOf,
        IEnumerable<MetricBucket> buckets, string? service, bool meanOfSamples = false)
    {
        var measuredEnd = IntervalSet.Min(period.End, IntervalSet.Max(asOf, period.Start));
        var range = new TimeInterval(period.Start, measuredEnd);
        var schedule = calendar.ServiceIntervals(period);
        var serviceTime = IntervalSet.Subtract(IntervalSet.Clip(schedule, range), calendar.MaintenanceIntervals(range));
        var counted = buckets.Where(b => Inside(serviceTime, b.Start)).ToList();
        var requests = counted.Sum(b => b.Requests);
        var errors = counted.Sum(b => b.Errors);

        double? achieved;
        ErrorBudget budget;
        if (slo.Kind == SloKind.ResponseTime)
        {
            var histogram = LatencyHistogram.Sum(counted);
            achieved = LatencyHistogram.Percentile(histogram, slo.Percentile);
            budget = new ErrorBudget(histogram.Sum() * (100 - slo.Percentile) / 100, LatencyHistogram.CountAbove(histogram, slo.Target), "requests");
        }
        else if (!meanOfSamples)
        {
            achieved = requests > 0 ? 100.0 * errors / requests : null;
            budget = new ErrorBudget(requests * slo.Target / 100, errors, "requests");
        }
        else
        {
            var valueSum = counted.Sum(b => b.ValueSum);
            achieved = requests > 0 ? valueSum / requests : null;
            budget = new ErrorBudget(requests * slo.Target / 100, valueSum / 100, "samples");
        }

        return new SloResult(slo.Name, slo.Kind, service, period, achieved, slo.Target, slo.Minimum,
            SloEvaluation.Outcome(slo, achieved), SloEvaluation.Unit(slo.Kind), IntervalSet.Minutes(schedule),
            IntervalSet.Minutes(IntervalSet.Clip(schedule, range)), 0, 0, 0, 0, budget, requests, []);
    }

    private static bool Inside(List<TimeInterval> normalized, DateTimeOffset instant) =>
        IntervalSet.OverlapMinutes(normalized, new TimeInterval(instant, instant.AddTicks(1))) > 0;
}
