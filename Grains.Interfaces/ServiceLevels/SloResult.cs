using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// The figures of one objective for one period, for one <see cref="Service"/> or, when it is null, for the SLA as a whole
/// (availability: a minute is down when any covered service is down; metrics: all services' requests pooled).
/// Minutes are service-hour minutes; <see cref="ScheduledMinutes"/> covers the whole period, <see cref="MeasuredMinutes"/>
/// the part up to the instant measured. <see cref="Samples"/> counts requests (metric objectives) or restorations (time to restore).
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SloResult")]
public sealed record SloResult(
    [property: Id(0)] string Slo,
    [property: Id(1)] SloKind Kind,
    [property: Id(2)] string? Service,
    [property: Id(3)] TimeInterval Period,
    [property: Id(4)] double? Achieved,
    [property: Id(5)] double Target,
    [property: Id(6)] double Minimum,
    [property: Id(7)] SloOutcome Outcome,
    [property: Id(8)] string Unit,
    [property: Id(9)] double ScheduledMinutes,
    [property: Id(10)] double MeasuredMinutes,
    [property: Id(11)] double DownMinutes,
    [property: Id(12)] double PartialMinutes,
    [property: Id(13)] double CountedDowntimeMinutes,
    [property: Id(14)] double ExcludedMinutes,
    [property: Id(15)] ErrorBudget Budget,
    [property: Id(16)] long Samples,
    [property: Id(17)] ImmutableArray<DowntimeInterval> Downtimes);
