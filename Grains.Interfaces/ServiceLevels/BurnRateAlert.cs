namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>The evaluation of one burn-rate window at an instant: the burn rates measured and whether the alert fires.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.BurnRateAlert")]
public sealed record BurnRateAlert(
    [property: Id(0)] string Slo,
    [property: Id(1)] BurnRateWindow Window,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] double LongRate,
    [property: Id(4)] double ShortRate,
    [property: Id(5)] bool Firing);
