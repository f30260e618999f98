using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>
/// Every component whose status would change under the assumptions, computed on a snapshot of the live state.
/// When <see cref="UnknownComponents"/> is not empty nothing was computed.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.WhatIfResult")]
public sealed record WhatIfResult(
    [property: Id(0)] ImmutableArray<WhatIfChange> Changes,
    [property: Id(1)] long TopologyVersion,
    [property: Id(2)] double ElapsedMilliseconds,
    [property: Id(3)] ImmutableArray<string> UnknownComponents);
