using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Multi-window, multi-burn-rate alerts on an availability objective. The burn rate over a window ending at <c>now</c> is
/// (counted downtime / service-hour minutes in the window) / (1 − target %): 1 spends exactly the budget over the period.
/// A window with no service hours burns nothing. An alert fires when both its long and its short window burn at least
/// its factor. The default factors are the usual ones for a 30-day budget.
/// </summary>
internal static class BurnRateEvaluator
{
    public static readonly ImmutableArray<BurnRateWindow> Defaults =
    [
        new(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), 14.4, "page"),
        new(TimeSpan.FromHours(6), TimeSpan.FromMinutes(30), 6, "page"),
        new(TimeSpan.FromDays(1), TimeSpan.FromHours(2), 3, "ticket"),
        new(TimeSpan.FromDays(3), TimeSpan.FromHours(6), 1, "ticket"),
    ];

    /// <summary>
    /// The default windows with factors scaled to a budget period of <paramref name="periodDays"/> days, so each alert still
    /// means the same share of the budget spent in its long window (2 %, 5 %, 10 %, 10 %): factor × days / 30.
    /// </summary>
    public static ImmutableArray<BurnRateWindow> ScaledDefaults(double periodDays) =>
        [.. Defaults.Select(w => w with { Factor = Math.Round(w.Factor * periodDays / 30, 2) })];

    public static ImmutableArray<BurnRateAlert> Evaluate(SloDefinition slo, SlaCalendar calendar, IReadOnlyList<StatusChange> timeline,
        DateTimeOffset now, IEnumerable<BurnRateWindow>? windows = null)
    {
        var list = windows?.ToImmutableArray() ?? Defaults;
        if (list.IsEmpty) list = Defaults;
        var alerts = ImmutableArray.CreateBuilder<BurnRateAlert>();
        foreach (var w in list)
        {
            var longRate = Rate(slo, calendar, timeline, now, w.Long);
            var shortRate = Rate(slo, calendar, timeline, now, w.Short);
            alerts.Add(new BurnRateAlert(slo.Name, w, now, longRate, shortRate,
                longRate >= w.Factor - SloEvaluation.Tolerance && shortRate >= w.Factor - SloEvaluation.Tolerance));
        }

        return alerts.ToImmutable();
    }

    public static double Rate(SloDefinition slo, SlaCalendar calendar, IReadOnlyList<StatusChange> timeline, DateTimeOffset now, TimeSpan window)
    {
        var allowed = (100 - slo.Target) / 100;
        var (counted, measured) = AvailabilityCalculator.Burn(slo, calendar, new TimeInterval(now - window, now), timeline);
        if (measured <= 0 || counted <= 0) return 0;
        return allowed <= 0 ? double.PositiveInfinity : counted / measured / allowed;
    }
}
