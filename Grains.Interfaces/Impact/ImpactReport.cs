using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>
/// What a component tells its dependents after its impact state changed: its effective <see cref="Status"/> (before any
/// relation setting, which belongs to the dependent), whether it is <see cref="InMaintenance"/> (then it passes Ok), its
/// capped <see cref="RootCauses"/> and how many root causes were found in total (<see cref="TotalRootCauses"/>, a lower
/// bound when a list was capped on the way). <see cref="Sequence"/> grows with every report of the same sender; a
/// receiver ignores a report whose sequence is not above the last one it applied from that sender.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ImpactReport")]
public sealed record ImpactReport(
    [property: Id(0)] string From,
    [property: Id(1)] long Sequence,
    [property: Id(2)] HealthStatus Status,
    [property: Id(3)] bool InMaintenance,
    [property: Id(4)] ImmutableArray<RootCause> RootCauses,
    [property: Id(5)] int TotalRootCauses,
    [property: Id(6)] DateTimeOffset At = default);
