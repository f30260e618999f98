namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// The error budget of a period in <see cref="Unit"/> (minutes of downtime, or failed requests): how much the objective
/// allows (<see cref="Total"/>) and how much was spent (<see cref="Used"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ErrorBudget")]
public sealed record ErrorBudget(
    [property: Id(0)] double Total,
    [property: Id(1)] double Used,
    [property: Id(2)] string Unit)
{
    public static ErrorBudget None { get; } = new(0, 0, "");

    public double Remaining => Total - Used;

    /// <summary>Used / total in %, or 0 when there is no budget and nothing was used.</summary>
    public double UsedPercent => Total > 0 ? 100 * Used / Total : Used > 0 ? double.PositiveInfinity : 0;
}
