using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>
/// A component's effective status with the reason for it and its root causes (at most the cap, most severe and
/// shortest first); <see cref="TotalRootCauses"/> says how many were found (a lower bound when a list was capped).
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ComponentImpact")]
public sealed record ComponentImpact(
    [property: Id(0)] string Id,
    [property: Id(1)] HealthStatus Status,
    [property: Id(2)] string Reason,
    [property: Id(3)] ImmutableArray<RootCause> RootCauses,
    [property: Id(4)] int TotalRootCauses);
