using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// The impact state of a whole graph for one set of own statuses and maintenance flags, as computed by
/// <see cref="ImpactEvaluator"/>. Immutable once made; reasons and root-cause paths are built when asked for.
/// </summary>
internal sealed class ImpactEvaluation
{
    internal ImpactEvaluation(ImpactGraph graph, HealthStatus[] own, bool[] maintenance, RuleOutcome[] outcomes,
        HealthStatus[] status, RootCauseEntry[][] rootCauses, int[] totals)
    {
        Graph = graph;
        Own = own;
        Maintenance = maintenance;
        Outcomes = outcomes;
        Statuses = status;
        RootCauseEntries = rootCauses;
        Totals = totals;
    }

    public ImpactGraph Graph { get; }

    internal HealthStatus[] Own { get; }

    internal bool[] Maintenance { get; }

    internal RuleOutcome[] Outcomes { get; }

    internal HealthStatus[] Statuses { get; }

    internal RootCauseEntry[][] RootCauseEntries { get; }

    internal int[] Totals { get; }

    /// <summary>The effective status of <paramref name="id"/>.</summary>
    public HealthStatus StatusOf(string id) => Statuses[IndexOf(id)];

    /// <summary>Status, reason and root causes (with paths) of <paramref name="id"/>.</summary>
    public ComponentImpact Get(string id) => Get(IndexOf(id));

    /// <summary>Every component, in ordinal id order.</summary>
    public IEnumerable<ComponentImpact> All()
    {
        for (var i = 0; i < Graph.Count; i++) yield return Get(i);
    }

    internal ComponentImpact Get(int index) =>
        new(Graph.Id(index), Statuses[index], Reason(index), RootCauses(index), Totals[index]);

    internal ImmutableArray<RootCause> RootCauses(int index)
    {
        var entries = RootCauseEntries[index];
        if (entries.Length == 0) return [];
        var builder = ImmutableArray.CreateBuilder<RootCause>(entries.Length);
        foreach (var entry in entries) builder.Add(new RootCause(Graph.Id(entry.Root), entry.Status, Path(index, entry)));
        return builder.MoveToImmutable();
    }

    private ImmutableArray<string> Path(int index, RootCauseEntry entry)
    {
        var path = new string[entry.Length];
        var at = index;
        for (var p = entry.Length - 1; p >= 0; p--)
        {
            path[p] = Graph.Id(at);
            if (entry.Via < 0) break;
            at = entry.Via;
            entry = Array.Find(RootCauseEntries[at], e => e.Root == entry.Root);
        }

        return [.. path];
    }

    private string Reason(int index)
    {
        var status = Statuses[index];
        if (status == HealthStatus.Ok) return "Ok";
        var parts = new List<string>(2);
        if (Own[index] == status) parts.Add($"own health {status}");
        if (Outcomes[index].Status == status)
        {
            var edges = Graph.Dependencies(index);
            var passed = new HealthStatus[edges.Length];
            var weights = new int[edges.Length];
            for (var k = 0; k < edges.Length; k++)
            {
                var e = edges[k];
                passed[k] = RelationPass.Apply(e.Impact, e.Shift, Statuses[e.Dependency], Maintenance[e.Dependency]);
                weights[k] = e.Weight;
            }

            parts.Add(StatusRuleEvaluator.Describe(Graph.Definition(index).Rule, passed, weights));
        }

        return string.Join("; ", parts);
    }

    private int IndexOf(string id)
    {
        var index = Graph.IndexOf(id);
        return index >= 0 ? index : throw new KeyNotFoundException($"Component '{id}' is not in the graph.");
    }
}
