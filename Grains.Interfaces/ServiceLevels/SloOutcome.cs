namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>How an achieved level compares with the objective: target met, target missed but not below the minimum, or breached.</summary>
[GenerateSerializer, Alias("ImpactMesh.SloOutcome")]
public enum SloOutcome
{
    Met = 0,
    Missed = 1,
    Breached = 2,

    /// <summary>Nothing was measured (no scheduled time, no requests).</summary>
    NoData = 3,
}
