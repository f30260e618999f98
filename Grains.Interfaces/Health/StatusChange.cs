using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Health;

/// <summary>
/// One entry of a component's status timeline: from <see cref="At"/> (data time: the timestamp of the sample or event
/// that caused it) the component had <see cref="Status"/>, for <see cref="Reason"/>, explained by <see cref="RootCauses"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.StatusChange")]
public sealed record StatusChange(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] HealthStatus Status,
    [property: Id(2)] string Reason,
    [property: Id(3)] ImmutableArray<string> RootCauses);
