namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>The measurement period of an SLA; <see cref="RollingDays"/> is used only by <see cref="PeriodKind.Rolling"/>.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.MeasurementPeriod")]
public sealed record MeasurementPeriod(
    [property: Id(0)] PeriodKind Kind,
    [property: Id(1)] int RollingDays)
{
    public static MeasurementPeriod Month { get; } = new(PeriodKind.Month, 0);
}
