namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// The credit owed for one period: the tier reached (<see cref="WorseThan"/>, null when none), the percentage after the cap
/// and the amount of the period fee, rounded to cents.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.CreditResult")]
public sealed record CreditResult(
    [property: Id(0)] TimeInterval Period,
    [property: Id(1)] string Slo,
    [property: Id(2)] double? Achieved,
    [property: Id(3)] double? WorseThan,
    [property: Id(4)] double Percent,
    [property: Id(5)] decimal PeriodFee,
    [property: Id(6)] decimal Amount,
    [property: Id(7)] string Currency);
