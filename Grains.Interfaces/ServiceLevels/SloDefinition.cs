using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// One service level objective. <see cref="Target"/> and <see cref="Minimum"/> (the breach level) are in the unit of the
/// kind: % for availability and error rate, milliseconds for response time, minutes for time to restore.
/// <see cref="Downtime"/> says which statuses count as down (availability, time to restore; default Critical = 1).
/// <see cref="Metric"/> and <see cref="Percentile"/> are for response time and error rate; <see cref="Statistic"/> for time to restore.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SloDefinition")]
public sealed record SloDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] SloKind Kind,
    [property: Id(2)] double Target,
    [property: Id(3)] double Minimum,
    [property: Id(4)] ImmutableArray<DowntimeWeight> Downtime,
    [property: Id(5)] string? Metric,
    [property: Id(6)] double Percentile,
    [property: Id(7)] RestoreStatistic Statistic)
{
    /// <summary>True when a higher achieved level is better (availability).</summary>
    public bool HigherIsBetter => Kind == SloKind.Availability;
}
