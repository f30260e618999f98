namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>A standard SLA from the catalogue (e.g. gold-24x7): typical terms with no customer and no services yet.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaTemplate")]
public sealed record SlaTemplate(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] SlaDefinition Terms);
