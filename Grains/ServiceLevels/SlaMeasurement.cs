using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Measures every objective of one SLA version for one period. <c>timelines</c> holds the status timeline of each covered
/// service (the caller resolves the selector; include the last entry before the period). <c>metrics</c> holds metric
/// buckets by (service, metric name). For each objective the SLA-wide figure (Service = null) comes first: availability and
/// time to restore over the "any service down" timeline, metrics over all services' buckets pooled; then, when the SLA
/// covers more than one service, one figure per service. An error-rate objective whose metric is in <c>percentMetrics</c>
/// (a metric of percentages) is measured as the mean of its samples (see <see cref="MetricSloCalculator"/>).
/// </summary>
internal sealed class SlaMeasurement
{
    private readonly SlaDefinition _sla;
    private IReadOnlySet<string> _percentMetrics = new HashSet<string>();

    public SlaMeasurement(SlaDefinition sla)
    {
        _sla = sla;
        Calendar = SlaCalendar.For(sla);
    }

    public SlaCalendar Calendar { get; }

    public TimeInterval PeriodContaining(DateTimeOffset instant) => MeasurementPeriods.Containing(_sla.Period, Calendar.Zone, instant);

    public ImmutableArray<SloResult> Measure(
        TimeInterval period, DateTimeOffset asOf,
        IReadOnlyDictionary<string, IReadOnlyList<StatusChange>> timelines,
        IReadOnlyDictionary<(string Service, string Metric), IReadOnlyList<MetricBucket>>? metrics = null,
        IReadOnlySet<string>? percentMetrics = null)
    {
        _percentMetrics = percentMetrics ?? new HashSet<string>();
        metrics ??= new Dictionary<(string, string), IReadOnlyList<MetricBucket>>();
        var services = timelines.Keys.Union(metrics.Keys.Select(k => k.Service)).Order(StringComparer.Ordinal).ToArray();
        var results = ImmutableArray.CreateBuilder<SloResult>();
        foreach (var slo in _sla.Slos)
        {
            results.Add(MeasureOne(slo, period, asOf, null, TimelineCombiner.Combine(timelines, slo), services, metrics));
            if (services.Length < 2) continue;
            foreach (var service in services)
            {
                results.Add(MeasureOne(slo, period, asOf, service, timelines.GetValueOrDefault(service) ?? [], [service], metrics));
            }
        }

        return results.ToImmutable();
    }

    private SloResult MeasureOne(SloDefinition slo, TimeInterval period, DateTimeOffset asOf, string? service,
        IReadOnlyList<StatusChange> timeline, IReadOnlyList<string> services,
        IReadOnlyDictionary<(string Service, string Metric), IReadOnlyList<MetricBucket>> metrics) => slo.Kind switch
        {
            SloKind.Availability => AvailabilityCalculator.Measure(slo, Calendar, period, asOf, timeline, service),
            SloKind.TimeToRestore => RestoreTimeCalculator.Measure(slo, Calendar, period, asOf, timeline, service),
            _ => MetricSloCalculator.Measure(slo, Calendar, period, asOf,
                services.SelectMany(s => metrics.GetValueOrDefault((s, slo.Metric ?? "")) ?? []), service,
                slo.Metric is not null && _percentMetrics.Contains(slo.Metric)),
        };
}
