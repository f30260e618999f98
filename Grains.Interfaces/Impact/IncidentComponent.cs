using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>A component that is not Ok (or is in maintenance) right now, as the impact index knows it.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.IncidentComponent")]
public sealed record IncidentComponent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] HealthStatus Status,
    [property: Id(3)] DateTimeOffset Since,
    [property: Id(4)] HealthStatus OwnStatus,
    [property: Id(5)] bool InMaintenance,
    [property: Id(6)] string Reason,
    [property: Id(7)] ImmutableArray<RootCause> RootCauses,
    [property: Id(8)] int TotalRootCauses);
