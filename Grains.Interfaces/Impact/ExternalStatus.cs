using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>
/// A status set on a component from outside (an alarm of another monitor, an operator), per <see cref="Source"/>:
/// it counts in the component's own health until <see cref="ExpiresAt"/> or until its source sets <c>ok</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ExternalStatus")]
public sealed record ExternalStatus(
    [property: Id(0)] string Source,
    [property: Id(1)] HealthStatus Status,
    [property: Id(2)] string Message,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] DateTimeOffset? ExpiresAt);
