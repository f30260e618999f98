using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Ranks root causes by the counted downtime they contributed: each downtime interval's counted minutes are shared equally
/// among its root causes (an interval with none goes to "unattributed"), so the shares add up to the total.
/// </summary>
internal static class RootCauseRanking
{
    public const string Unattributed = "unattributed";

    public static ImmutableArray<RootCauseShare> Rank(IEnumerable<DowntimeInterval> downtimes)
    {
        var minutes = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var d in downtimes)
        {
            if (d.CountedMinutes <= 0) continue;
            var causes = d.RootCauses.IsDefaultOrEmpty ? [Unattributed] : d.RootCauses;
            foreach (var c in causes) minutes[c] = minutes.GetValueOrDefault(c) + (d.CountedMinutes / causes.Length);
        }

        var total = minutes.Values.Sum();
        return [.. minutes.OrderByDescending(m => m.Value).ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new RootCauseShare(m.Key, m.Value, total > 0 ? 100 * m.Value / total : 0))];
    }
}
