namespace ImpactMesh.Grains.Interfaces.Topology;

[GenerateSerializer, Alias("ImpactMesh.ThresholdComparison")]
public enum ThresholdComparison
{
    /// <summary>Fires when the measure is at least the threshold.</summary>
    AtLeast = 0,

    /// <summary>Fires when the measure is less than the threshold.</summary>
    LessThan = 1,
}
