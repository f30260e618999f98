using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// A service level agreement: one customer, the services it covers, its objectives, measured per <see cref="Period"/>
/// in <see cref="TimeZone"/> (IANA id) during <see cref="ServiceHours"/>; downtime inside the agreed maintenance windows
/// (<see cref="MaintenanceIntervals"/> absolute, <see cref="MaintenanceRecurring"/> weekly in local time) is excluded.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaDefinition")]
public sealed record SlaDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Customer,
    [property: Id(3)] string? Template,
    [property: Id(4)] SlaState State,
    [property: Id(5)] ServiceSelector Services,
    [property: Id(6)] string TimeZone,
    [property: Id(7)] MeasurementPeriod Period,
    [property: Id(8)] ServiceHours ServiceHours,
    [property: Id(9)] ImmutableArray<TimeInterval> MaintenanceIntervals,
    [property: Id(10)] ImmutableArray<ServiceWindow> MaintenanceRecurring,
    [property: Id(11)] ImmutableArray<SloDefinition> Slos,
    [property: Id(12)] CreditPolicy? Credits,
    [property: Id(13)] Fee? Fee,
    [property: Id(14)] ImmutableArray<BurnRateWindow> BurnRateAlerts,
    [property: Id(15)] ImmutableArray<string> SpecialTerms,
    [property: Id(16)] int BaselineDays);
