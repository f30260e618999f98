using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// The service report of one SLA for one period, built from computed figures: the version in force, the objectives
/// (combined and per service), the downtime by root cause, the credit and earn-back, the improvement proposals and the
/// trend over the last periods (<see cref="History"/>, oldest first, this period included).
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ServiceReport")]
public sealed record ServiceReport(
    [property: Id(0)] string SlaId,
    [property: Id(1)] string SlaName,
    [property: Id(2)] string Customer,
    [property: Id(3)] int Version,
    [property: Id(4)] string TimeZone,
    [property: Id(5)] TimeInterval Period,
    [property: Id(6)] DateTimeOffset GeneratedAt,
    [property: Id(7)] ImmutableArray<SloResult> Results,
    [property: Id(8)] ImmutableArray<RootCauseShare> DowntimeByRootCause,
    [property: Id(9)] CreditResult? Credit,
    [property: Id(10)] ImmutableArray<EarnBackTrace> EarnBack,
    [property: Id(11)] ImmutableArray<ImprovementProposal> Improvements,
    [property: Id(12)] ImmutableArray<PeriodLevel> History);
