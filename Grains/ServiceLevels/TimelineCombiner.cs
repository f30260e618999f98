using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Folds the timelines of several services into one "any service down" timeline: at every instant the status of the
/// service whose status weighs most as downtime (ties: the more severe status), with the reasons and root causes of every
/// service in that status. A service with no entry yet is Unknown.
/// </summary>
internal static class TimelineCombiner
{
    public static List<StatusChange> Combine(IReadOnlyDictionary<string, IReadOnlyList<StatusChange>> timelines, SloDefinition slo)
    {
        var weights = SloEvaluation.Weights(slo);
        var services = timelines.Keys.Order(StringComparer.Ordinal).ToArray();
        var ordered = services.Select(s => timelines[s].OrderBy(c => c.At).ToArray()).ToArray();
        var next = new int[services.Length];
        var current = new StatusChange?[services.Length];
        var instants = ordered.SelectMany(t => t.Select(c => c.At)).Distinct().Order().ToArray();
        var result = new List<StatusChange>();
        foreach (var at in instants)
        {
            for (var i = 0; i < services.Length; i++)
            {
                while (next[i] < ordered[i].Length && ordered[i][next[i]].At <= at) current[i] = ordered[i][next[i]++];
            }

            var worst = HealthStatus.Unknown;
            var found = false;
            foreach (var c in current)
            {
                var status = c?.Status ?? HealthStatus.Unknown;
                if (!found || Rank(status, weights).CompareTo(Rank(worst, weights)) > 0) worst = status;
                found = true;
            }

            var inWorst = Enumerable.Range(0, services.Length).Where(i => (current[i]?.Status ?? HealthStatus.Unknown) == worst).ToArray();
            var reason = string.Join("; ", inWorst.Select(i => $"{services[i]}: {current[i]?.Reason ?? "no data"}"));
            ImmutableArray<string> causes = [.. inWorst.SelectMany(i => current[i] is { RootCauses.IsDefault: false } c ? c.RootCauses : []).Distinct(StringComparer.Ordinal)];
            var change = new StatusChange(at, worst, reason, causes);
            if (result.Count > 0 && Same(result[^1], change)) continue;
            result.Add(change);
        }

        return result;
    }

    private static (double, int) Rank(HealthStatus status, double[] weights) =>
        (weights[(int)status], status.IsKnown() ? (int)status : -1);

    private static bool Same(StatusChange a, StatusChange b) =>
        a.Status == b.Status && a.Reason == b.Reason && a.RootCauses.SequenceEqual(b.RootCauses);
}
