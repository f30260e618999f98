namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>Where a service improvement item stands.</summary>
[GenerateSerializer, Alias("ImpactMesh.ImprovementStatus")]
public enum ImprovementStatus
{
    Open = 0,
    InProgress = 1,
    Closed = 2,
}
