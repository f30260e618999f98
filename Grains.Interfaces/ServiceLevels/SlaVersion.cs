namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>A version of an SLA, in force from <see cref="EffectiveFrom"/> until the next version's.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaVersion")]
public sealed record SlaVersion(
    [property: Id(0)] int Number,
    [property: Id(1)] DateTimeOffset EffectiveFrom,
    [property: Id(2)] SlaDefinition Definition);
