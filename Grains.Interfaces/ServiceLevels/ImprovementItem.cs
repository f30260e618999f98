using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// A service improvement item, opened when an objective was missed in a closed period (<see cref="Id"/> = period label and
/// objective, e.g. <c>2026-11-availability</c>): what was missed, the root causes ranked by downtime contributed, owner,
/// due date and status, with a note per change, tracked until closed.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ImprovementItem")]
public sealed record ImprovementItem(
    [property: Id(0)] string Id,
    [property: Id(1)] string Slo,
    [property: Id(2)] string Period,
    [property: Id(3)] TimeInterval Interval,
    [property: Id(4)] SloOutcome Outcome,
    [property: Id(5)] string Title,
    [property: Id(6)] string Description,
    [property: Id(7)] ImmutableArray<RootCauseShare> RootCauses,
    [property: Id(8)] string? Owner,
    [property: Id(9)] DateOnly DueDate,
    [property: Id(10)] ImprovementStatus Status,
    [property: Id(11)] DateTimeOffset OpenedAt,
    [property: Id(12)] DateTimeOffset? ClosedAt,
    [property: Id(13)] ImmutableArray<string> Notes);
