namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>What an additional rule counts among the dependencies at or above its status.</summary>
[GenerateSerializer, Alias("ImpactMesh.ThresholdMeasure")]
public enum ThresholdMeasure
{
    /// <summary>The number of dependencies.</summary>
    Count = 0,

    /// <summary>The percentage of dependencies (0-100).</summary>
    Percent = 1,

    /// <summary>The sum of the relations' weights.</summary>
    Weight = 2,

    /// <summary>The sum of the relations' weights as a percentage of all weights (0-100).</summary>
    WeightPercent = 3,
}
