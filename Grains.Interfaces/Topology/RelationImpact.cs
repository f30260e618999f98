namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>How much of a dependency's status a relation passes on.</summary>
[GenerateSerializer, Alias("ImpactMesh.RelationImpact")]
public enum RelationImpact
{
    /// <summary>Passes the dependency's status on in full.</summary>
    Hard = 0,

    /// <summary>Passes at most <c>Warning</c>.</summary>
    Soft = 1,
}
