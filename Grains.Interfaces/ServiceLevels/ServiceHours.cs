using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// When the service is scheduled, in the SLA's time zone: 24x7 when <see cref="Always"/>, otherwise the union of
/// <see cref="Windows"/> except windows starting on a <see cref="Holidays"/> date.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ServiceHours")]
public sealed record ServiceHours(
    [property: Id(0)] bool Always,
    [property: Id(1)] ImmutableArray<ServiceWindow> Windows,
    [property: Id(2)] ImmutableArray<DateOnly> Holidays)
{
    public static ServiceHours AlwaysOn { get; } = new(true, [], []);
}
