using System.Collections.Immutable;
using System.Globalization;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// The burn-rate alerts of one SLA version at an instant: every availability objective over the covered services'
/// combined timeline, with the SLA's windows or, when it names none, the defaults (30-day factors for a monthly period,
/// scaled to the period's length otherwise). <c>since</c> remembers when each alert started firing; it is updated here.
/// </summary>
internal static class SlaAlerts
{
    /// <summary>How far back the timelines must reach: the longest window of <paramref name="sla"/>.</summary>
    public static TimeSpan Lookback(SlaDefinition sla) => Windows(sla).Max(w => w.Long);

    public static ImmutableArray<BurnRateWindow> Windows(SlaDefinition sla)
    {
        if (!sla.BurnRateAlerts.IsDefaultOrEmpty) return sla.BurnRateAlerts;
        return sla.Period.Kind switch
        {
            PeriodKind.Month => BurnRateEvaluator.Defaults,
            PeriodKind.Week => BurnRateEvaluator.ScaledDefaults(7),
            PeriodKind.Quarter => BurnRateEvaluator.ScaledDefaults(91),
            _ => BurnRateEvaluator.ScaledDefaults(Math.Max(1, sla.Period.RollingDays)),
        };
    }

    public static ImmutableArray<SlaAlert> Evaluate(SlaDefinition sla, IReadOnlyDictionary<string, IReadOnlyList<StatusChange>> timelines,
        DateTimeOffset now, IDictionary<string, DateTimeOffset> since)
    {
        var calendar = SlaCalendar.For(sla);
        var windows = Windows(sla);
        var alerts = ImmutableArray.CreateBuilder<SlaAlert>();
        var firing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slo in sla.Slos.Where(s => s.Kind == SloKind.Availability))
        {
            var combined = TimelineCombiner.Combine(timelines, slo);
            foreach (var a in BurnRateEvaluator.Evaluate(slo, calendar, combined, now, windows).Where(a => a.Firing))
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{slo.Name}|{a.Window.Long}|{a.Window.Short}|{a.Window.Factor}");
                firing.Add(key);
                if (!since.TryGetValue(key, out var from)) since[key] = from = now;
                alerts.Add(new SlaAlert(sla.Id, slo.Name, a.Window.Severity, a.Window, a.LongRate, a.ShortRate, from, now));
            }
        }

        foreach (var stale in since.Keys.Where(k => !firing.Contains(k)).ToList()) since.Remove(stale);
        return alerts.ToImmutable();
    }
}
