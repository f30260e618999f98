namespace ImpactMesh.Grains.Interfaces.Health;

/// <summary>A sample that was not accepted: its index in the batch and why.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SampleRejection")]
public sealed record SampleRejection(
    [property: Id(0)] int Index,
    [property: Id(1)] string Reason);
