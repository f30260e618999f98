namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// A multi-window burn-rate alert: fires when the error budget burns at least <see cref="Factor"/> times the sustainable
/// rate over both the <see cref="Long"/> and the <see cref="Short"/> window.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.BurnRateWindow")]
public sealed record BurnRateWindow(
    [property: Id(0)] TimeSpan Long,
    [property: Id(1)] TimeSpan Short,
    [property: Id(2)] double Factor,
    [property: Id(3)] string Severity);
