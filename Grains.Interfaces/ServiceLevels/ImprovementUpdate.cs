namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>A change to an improvement item: only the fields given change; <see cref="Note"/> is added to its notes.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ImprovementUpdate")]
public sealed record ImprovementUpdate(
    [property: Id(0)] string? Owner,
    [property: Id(1)] DateOnly? DueDate,
    [property: Id(2)] ImprovementStatus? Status,
    [property: Id(3)] string? Note);
