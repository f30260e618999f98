using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// One SLA in the list, and the message of the "sla" stream: its state and version and, when Active, its standing in the
/// current period so far (level, error budget per objective), the firing burn-rate alerts and the open improvement items.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaSummary")]
public sealed record SlaSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Customer,
    [property: Id(3)] SlaState State,
    [property: Id(4)] int Version,
    [property: Id(5)] string? Period,
    [property: Id(6)] ImmutableArray<SloStanding> Standing,
    [property: Id(7)] ImmutableArray<SlaAlert> Alerts,
    [property: Id(8)] int OpenImprovements,
    [property: Id(9)] DateTimeOffset At);
