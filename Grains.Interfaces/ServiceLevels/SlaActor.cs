namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>Who asks for a change (for the audit trail) and whether they hold the admin role (changes to an Active SLA).</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaActor")]
public sealed record SlaActor(
    [property: Id(0)] string Who,
    [property: Id(1)] bool IsAdmin)
{
    /// <summary>ImpactMesh itself (loading samples at start).</summary>
    public static SlaActor System { get; } = new("impactmesh", true);
}
