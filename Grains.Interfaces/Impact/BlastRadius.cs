using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>
/// How much one root cause explains: the number of non-Ok <see cref="Services"/> it is a root cause of and their
/// <see cref="Score"/>, each service weighted by its status (Warning 1, Minor 2, Major 3, Critical 4).
/// <see cref="Status"/> is the root cause's own status.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.BlastRadius")]
public sealed record BlastRadius(
    [property: Id(0)] string Id,
    [property: Id(1)] HealthStatus Status,
    [property: Id(2)] int Services,
    [property: Id(3)] int Score);
