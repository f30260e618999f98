namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>The lifecycle of an SLA: Draft -> Negotiation -> Agreed -> Baselining -> Active -> Retired.</summary>
[GenerateSerializer, Alias("ImpactMesh.SlaState")]
public enum SlaState
{
    Draft = 0,
    Negotiation = 1,
    Agreed = 2,
    Baselining = 3,
    Active = 4,
    Retired = 5,
}
