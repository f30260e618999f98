using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>A component whose status would change under a what-if assumption, with its root causes afterwards.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.WhatIfChange")]
public sealed record WhatIfChange(
    [property: Id(0)] string Id,
    [property: Id(1)] HealthStatus Before,
    [property: Id(2)] HealthStatus After,
    [property: Id(3)] ImmutableArray<RootCause> RootCauses);
