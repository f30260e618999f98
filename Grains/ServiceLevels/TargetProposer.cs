using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Baselining: proposes targets from what was measured. Availability: the highest common SLA figure at or below the
/// achieved level minus a margin (percentage points); minimum = the next figure below
/// (below every figure: the whole percent below, minimum 5 points lower). Lower-is-better objectives: the
/// lowest common figure at or above the achieved level plus a margin (% of it); minimum = the next figure above.
/// </summary>
internal static class TargetProposer
{
    public static readonly ImmutableArray<double> AvailabilityFigures = [99.99, 99.95, 99.9, 99.8, 99.5, 99, 98, 97, 95, 90];
    public static readonly ImmutableArray<double> MillisecondFigures = [50, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000];
    public static readonly ImmutableArray<double> PercentFigures = [0.01, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];
    public static readonly ImmutableArray<double> MinuteFigures = [15, 30, 60, 120, 240, 480, 1440];

    public const double DefaultAvailabilityMargin = 0.05;
    public const double DefaultRelativeMargin = 20;

    /// <summary>(target, minimum) proposed for <paramref name="slo"/> from the baseline level achieved.</summary>
    public static (double Target, double Minimum) Propose(SloDefinition slo, double achieved, double? margin = null)
    {
        if (slo.HigherIsBetter)
        {
            var wanted = achieved - (margin ?? DefaultAvailabilityMargin);
            var i = AvailabilityFigures.IndexOf(AvailabilityFigures.FirstOrDefault(f => f <= wanted + SloEvaluation.Tolerance, -1));
            if (i < 0) return (Math.Max(0, Math.Floor(wanted)), Math.Max(0, Math.Floor(wanted) - 5));
            return (AvailabilityFigures[i], AvailabilityFigures[Math.Min(i + 1, AvailabilityFigures.Length - 1)]);
        }

        var figures = slo.Kind switch
        {
            SloKind.ResponseTime => MillisecondFigures,
            SloKind.TimeToRestore => MinuteFigures,
            _ => PercentFigures,
        };
        var ceiling = achieved * (1 + ((margin ?? DefaultRelativeMargin) / 100));
        var k = figures.IndexOf(figures.FirstOrDefault(f => f >= ceiling - SloEvaluation.Tolerance, figures[^1]));
        return (figures[k], figures[Math.Min(k + 1, figures.Length - 1)]);
    }

    /// <summary>The SLA with every objective's target and minimum proposed from the combined baseline results.</summary>
    public static SlaDefinition Apply(SlaDefinition sla, IEnumerable<SloResult> baseline, double? availabilityMargin = null, double? relativeMargin = null)
    {
        var achieved = baseline.Where(r => r.Service is null && r.Achieved is not null).ToDictionary(r => r.Slo, r => r.Achieved!.Value, StringComparer.Ordinal);
        return sla with
        {
            Slos = [.. sla.Slos.Select(s =>
            {
                if (!achieved.TryGetValue(s.Name, out var a)) return s;
                var (target, minimum) = Propose(s, a, s.HigherIsBetter ? availabilityMargin : relativeMargin);
                return s with { Target = target, Minimum = minimum };
            })],
        };
    }
}
