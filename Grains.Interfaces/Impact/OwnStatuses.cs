using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>The own statuses that are not Ok and the components in maintenance: the live state a what-if starts from.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.OwnStatuses")]
public sealed record OwnStatuses(
    [property: Id(0)] ImmutableDictionary<string, HealthStatus> NotOk,
    [property: Id(1)] ImmutableHashSet<string> InMaintenance);
