using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>
/// What a component knows about its health: its status (the worse of its own and the one derived from its dependencies),
/// why, since when, its root causes with impact paths, what set its own status, its recent status history, and each
/// metric's statistics, adaptive band, anomaly score and status with reason.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ComponentHealth")]
public sealed record ComponentHealth(
    [property: Id(0)] string Id,
    [property: Id(1)] HealthStatus Status,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset? Since,
    [property: Id(4)] HealthStatus OwnStatus,
    [property: Id(5)] string OwnReason,
    [property: Id(6)] HealthStatus DerivedStatus,
    [property: Id(7)] Maintenance? Maintenance,
    [property: Id(8)] ImmutableArray<RootCause> RootCauses,
    [property: Id(9)] int TotalRootCauses,
    [property: Id(10)] ImmutableArray<ExternalStatus> Events,
    [property: Id(11)] ImmutableArray<StatusChange> History,
    [property: Id(12)] ImmutableArray<MetricHealth> Metrics);
