namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>The monthly service fee from the statement of work, the base of credits.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.Fee")]
public sealed record Fee(
    [property: Id(0)] decimal Monthly,
    [property: Id(1)] string Currency);
