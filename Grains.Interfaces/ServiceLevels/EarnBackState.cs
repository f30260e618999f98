namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>Where a credit stands under the earn-back rule.</summary>
[GenerateSerializer, Alias("ImpactMesh.EarnBackState")]
public enum EarnBackState
{
    /// <summary>Not enough following periods measured yet, none of them failed.</summary>
    Pending = 0,

    /// <summary>Every following period met the level: the credit is waived (or returned to the provider).</summary>
    EarnedBack = 1,

    /// <summary>A following period fell below the level: the credit is due to the customer.</summary>
    Payable = 2,

    /// <summary>The SLA has no earn-back rule.</summary>
    NoRule = 3,
}
