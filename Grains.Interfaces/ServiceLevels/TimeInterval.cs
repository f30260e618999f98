namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>A half-open interval of instants [<see cref="Start"/>, <see cref="End"/>).</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.TimeInterval")]
public sealed record TimeInterval(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End)
{
    public double Minutes => Math.Max(0, (End - Start).TotalMinutes);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
