using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>Comparisons of achieved levels with objectives, in the right direction, and the downtime weights of an objective.</summary>
internal static class SloEvaluation
{
    /// <summary>Levels closer than this are equal: 99.9 computed as 99.89999999999 still meets 99.9.</summary>
    public const double Tolerance = 1e-9;

    public static SloOutcome Outcome(SloDefinition slo, double? achieved)
    {
        if (achieved is not { } a) return SloOutcome.NoData;
        if (AtLeastAsGood(slo.HigherIsBetter, a, slo.Target)) return SloOutcome.Met;
        return AtLeastAsGood(slo.HigherIsBetter, a, slo.Minimum) ? SloOutcome.Missed : SloOutcome.Breached;
    }

    public static bool AtLeastAsGood(bool higherIsBetter, double achieved, double level) =>
        higherIsBetter ? achieved >= level - Tolerance : achieved <= level + Tolerance;

    public static string Unit(SloKind kind) => kind switch
    {
        SloKind.ResponseTime => "ms",
        SloKind.TimeToRestore => "min",
        _ => "%",
    };

    /// <summary>The downtime fraction of each status; Critical = 1 when the objective names none.</summary>
    public static double[] Weights(SloDefinition slo)
    {
        var weights = new double[Enum.GetValues<HealthStatus>().Length];
        if (slo.Downtime.IsDefaultOrEmpty) weights[(int)HealthStatus.Critical] = 1;
        else foreach (var d in slo.Downtime) weights[(int)d.Status] = d.Fraction;
        return weights;
    }
}
