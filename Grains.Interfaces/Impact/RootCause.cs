using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>
/// A component whose own health drives another component's status. <see cref="Status"/> is the root cause's own
/// (and effective) status; <see cref="Path"/> is one shortest impact path from the root cause to the impacted component,
/// root cause first and impacted component last (a component that is its own root cause has the path <c>[Id]</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.RootCause")]
public sealed record RootCause(
    [property: Id(0)] string Id,
    [property: Id(1)] HealthStatus Status,
    [property: Id(2)] ImmutableArray<string> Path);
