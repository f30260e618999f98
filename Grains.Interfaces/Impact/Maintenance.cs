namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>A component in maintenance passes Ok to its dependents from <see cref="From"/> until <see cref="Until"/> (open-ended when null).</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.Maintenance")]
public sealed record Maintenance(
    [property: Id(0)] string Reason,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset? Until,
    [property: Id(3)] string? SetBy);
