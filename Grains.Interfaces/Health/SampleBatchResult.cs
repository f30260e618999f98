using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Health;

/// <summary>
/// What a component did with a batch of samples: how many it accepted, and each rejected one with its index in the
/// batch and the reason. <see cref="UnknownComponent"/> means the component is not in the graph and nothing was accepted.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SampleBatchResult")]
public sealed record SampleBatchResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] ImmutableArray<SampleRejection> Rejected,
    [property: Id(2)] bool UnknownComponent = false);
