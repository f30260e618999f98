namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>"This component depends on <see cref="Id"/>", with how the dependency's status is passed on.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.Relation")]
public sealed record Relation(
    [property: Id(0)] string Id,
    [property: Id(1)] RelationImpact Impact = RelationImpact.Hard,
    [property: Id(2)] int Shift = 0,
    [property: Id(3)] int Weight = 1,
    [property: Id(4)] bool Ignore = false)
{
    public const int MinShift = -5;
    public const int MaxShift = 5;
    public const int MaxWeight = 1_000_000;

    /// <summary>True when the relation is a plain id (all settings at their defaults).</summary>
    public bool IsPlain => Impact == RelationImpact.Hard && Shift == 0 && Weight == 1 && !Ignore;
}
