using System.Globalization;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Proposes a service improvement item for a missed or breached objective: what was missed, the root causes ranked by
/// downtime contributed, and a due date counted in days from the local end of the period (sooner for a breach).
/// </summary>
internal static class ImprovementProposer
{
    public const int DaysWhenMissed = 30;
    public const int DaysWhenBreached = 14;

    public static ImprovementProposal? Propose(string slaId, SloResult result, TimeZoneInfo zone, string periodLabel,
        int daysWhenMissed = DaysWhenMissed, int daysWhenBreached = DaysWhenBreached)
    {
        if (result.Outcome is not (SloOutcome.Missed or SloOutcome.Breached)) return null;
        var causes = RootCauseRanking.Rank(result.Downtimes);
        var lastDay = ZoneClock.LocalDate(result.Period.End, zone).AddDays(-1);
        var due = lastDay.AddDays(result.Outcome == SloOutcome.Breached ? daysWhenBreached : daysWhenMissed);
        var scope = result.Service ?? "all services";
        var word = result.Outcome == SloOutcome.Breached ? "breached" : "missed";
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{result.Slo} {word} in {periodLabel} ({scope}): {result.Achieved:0.###} {result.Unit} against target {result.Target:0.###} {result.Unit}");
        var top = causes.Take(3).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.RootCause} ({c.Minutes:0.#} min, {c.Percent:0}%)"));
        var description = causes.IsEmpty
            ? string.Create(CultureInfo.InvariantCulture, $"Minimum {result.Minimum:0.###} {result.Unit}. No downtime root causes recorded; review the {result.Kind} measurements.")
            : string.Create(CultureInfo.InvariantCulture, $"Minimum {result.Minimum:0.###} {result.Unit}. Largest contributors: {string.Join(", ", top)}.");
        return new ImprovementProposal(slaId, result.Slo, result.Period, result.Outcome, title, description, causes, due);
    }
}
