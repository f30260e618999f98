using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// One stretch of the status timeline in a down (or partially down) status, clipped to the period. <see cref="CountedMinutes"/>
/// are the service-hour minutes outside maintenance, weighted by the status's downtime fraction; <see cref="ExcludedMinutes"/>
/// are its service-hour minutes inside agreed maintenance (not weighted).
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.DowntimeInterval")]
public sealed record DowntimeInterval(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] HealthStatus Status,
    [property: Id(3)] double Fraction,
    [property: Id(4)] double CountedMinutes,
    [property: Id(5)] double ExcludedMinutes,
    [property: Id(6)] string Reason,
    [property: Id(7)] ImmutableArray<string> RootCauses,
    [property: Id(8)] string? Service);
