using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>
/// A change of a component's impact state, published on the impact stream: its status went from <see cref="Old"/> to
/// <see cref="New"/> (or its root causes, own status or maintenance changed) at <see cref="At"/>, the data time of the
/// sample or event that caused it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ImpactChange")]
public sealed record ImpactChange(
    [property: Id(0)] string Component,
    [property: Id(1)] string Kind,
    [property: Id(2)] HealthStatus Old,
    [property: Id(3)] HealthStatus New,
    [property: Id(4)] HealthStatus OwnStatus,
    [property: Id(5)] bool InMaintenance,
    [property: Id(6)] string Reason,
    [property: Id(7)] ImmutableArray<RootCause> RootCauses,
    [property: Id(8)] int TotalRootCauses,
    [property: Id(9)] DateTimeOffset At,
    [property: Id(10)] DateTimeOffset PublishedAt);
