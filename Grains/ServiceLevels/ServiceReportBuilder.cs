using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Builds the service report of one SLA version for one period from the status timelines and metric buckets: all
/// objectives measured, downtime by root cause (from the SLA-wide figure of the credit objective, else the first
/// availability objective), the credit and its earn-back trace, improvement proposals for missed SLA-wide objectives,
/// and the trend (earlier periods' levels followed by this period's).
/// </summary>
internal static class ServiceReportBuilder
{
    /// <param name="earlierLevels">Levels of earlier periods, oldest first (this period is appended).</param>
    /// <param name="earlierCredits">Credit results of the consecutive periods before this one, oldest first (for earn-back).</param>
    /// <param name="percentMetrics">Metrics of percentages (error-rate objectives take the mean of their samples).</param>
    public static ServiceReport Build(
        SlaVersion version, TimeInterval period, DateTimeOffset asOf,
        IReadOnlyDictionary<string, IReadOnlyList<StatusChange>> timelines,
        IReadOnlyDictionary<(string Service, string Metric), IReadOnlyList<MetricBucket>>? metrics,
        IReadOnlyList<PeriodLevel> earlierLevels, IReadOnlyList<CreditResult> earlierCredits,
        IReadOnlySet<string>? percentMetrics = null)
    {
        var sla = version.Definition;
        var measurement = new SlaMeasurement(sla);
        var results = measurement.Measure(period, asOf, timelines, metrics, percentMetrics);
        var slaWide = results.Where(r => r.Service is null).ToList();

        var creditSlo = sla.Credits is null ? null : sla.Slos.FirstOrDefault(s => s.Name == sla.Credits.Slo);
        var primary = slaWide.FirstOrDefault(r => r.Slo == creditSlo?.Name && r.Kind == SloKind.Availability)
            ?? slaWide.FirstOrDefault(r => r.Kind == SloKind.Availability);
        var byCause = primary is null ? [] : RootCauseRanking.Rank(primary.Downtimes);

        CreditResult? credit = null;
        var earnBack = ImmutableArray<EarnBackTrace>.Empty;
        if (sla.Credits is not null && sla.Fee is not null && creditSlo is not null && slaWide.FirstOrDefault(r => r.Slo == creditSlo.Name) is { } creditResult)
        {
            credit = CreditCalculator.Compute(sla.Credits, creditSlo, sla.Fee, sla.Period, creditResult);
            earnBack = EarnBackCalculator.Trace(sla.Credits.EarnBack, creditSlo.HigherIsBetter, [.. earlierCredits, credit]);
        }

        var label = MeasurementPeriods.Label(sla.Period, measurement.Calendar.Zone, period);
        var improvements = slaWide
            .Select(r => ImprovementProposer.Propose(sla.Id, r, measurement.Calendar.Zone, label))
            .OfType<ImprovementProposal>()
            .ToImmutableArray();
        ImmutableArray<PeriodLevel> history = [.. earlierLevels, .. slaWide.Select(r => new PeriodLevel(r.Slo, r.Period, r.Achieved, r.Target, r.Outcome))];

        return new ServiceReport(sla.Id, sla.Name, sla.Customer, version.Number, sla.TimeZone, period, asOf, results, byCause,
            credit, earnBack, improvements, history);
    }
}
