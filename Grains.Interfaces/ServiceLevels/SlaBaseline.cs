using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// Baselining: the window measured (from the move to Baselining for the SLA's baseline days), what was measured so far, and
/// the objectives with the targets and minimums ImpactMesh proposes from it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaBaseline")]
public sealed record SlaBaseline(
    [property: Id(0)] TimeInterval Window,
    [property: Id(1)] bool Complete,
    [property: Id(2)] ImmutableArray<SloResult> Measured,
    [property: Id(3)] ImmutableArray<SloDefinition> Proposed);
