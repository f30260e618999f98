using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// A period's service report with the improvement items still open (opened in this or an earlier period), or
/// <see cref="Error"/> saying why there is none (not Active, period not started, unknown period).
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaReportResult")]
public sealed record SlaReportResult(
    [property: Id(0)] ServiceReport? Report,
    [property: Id(1)] ImmutableArray<ImprovementItem> OpenItems,
    [property: Id(2)] string? Error);
