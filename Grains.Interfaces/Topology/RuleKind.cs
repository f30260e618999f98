namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>The main rule by which a component derives a status from its dependencies.</summary>
[GenerateSerializer, Alias("ImpactMesh.RuleKind")]
public enum RuleKind
{
    /// <summary>The most severe status among the dependencies (the default).</summary>
    Worst = 0,

    /// <summary>The least severe status: a problem only when every dependency has one.</summary>
    Best = 1,

    /// <summary>Dependencies are ignored.</summary>
    None = 2,

    /// <summary>k-of-n redundancy: the worst status among the best <c>n</c> dependencies.</summary>
    AtLeast = 3,
}
