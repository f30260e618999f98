using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// A daily window in local wall-clock time starting on each of <see cref="Days"/>. When <see cref="To"/> is not after
/// <see cref="From"/> the window crosses midnight and ends on the next day (22:00-06:00); From == To is a whole day.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ServiceWindow")]
public sealed record ServiceWindow(
    [property: Id(0)] ImmutableArray<DayOfWeek> Days,
    [property: Id(1)] TimeOnly From,
    [property: Id(2)] TimeOnly To)
{
    public bool CrossesMidnight => To <= From;
}
