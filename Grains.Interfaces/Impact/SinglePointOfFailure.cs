using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>
/// A component that, failing alone (Critical while everything else is Ok), would give a service
/// <see cref="ServiceStatus"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SinglePointOfFailure")]
public sealed record SinglePointOfFailure(
    [property: Id(0)] string Id,
    [property: Id(1)] HealthStatus ServiceStatus);
