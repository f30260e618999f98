namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>An action agreed in a service review, optionally linked to an improvement item of the SLA.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ReviewAction")]
public sealed record ReviewAction(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Owner,
    [property: Id(2)] DateOnly? DueDate,
    [property: Id(3)] string? ImprovementItem);
