namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// A firing error-budget burn-rate alert: objective <see cref="Slo"/> burns at least the window's factor over both its long
/// and short window; firing since <see cref="Since"/> (as evaluated; data time of the clock), last evaluated at <see cref="EvaluatedAt"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaAlert")]
public sealed record SlaAlert(
    [property: Id(0)] string SlaId,
    [property: Id(1)] string Slo,
    [property: Id(2)] string Severity,
    [property: Id(3)] BurnRateWindow Window,
    [property: Id(4)] double LongRate,
    [property: Id(5)] double ShortRate,
    [property: Id(6)] DateTimeOffset Since,
    [property: Id(7)] DateTimeOffset EvaluatedAt);
