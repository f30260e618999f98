using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// Impact analysis of a whole <see cref="ImpactGraph"/> at once, with the same semantics as a graph of
/// <see cref="ImpactNode"/>s after every report has been delivered: full evaluation, what-if, single points of failure
/// and blast radius. Nothing given to it is changed. Not thread-safe (it reuses scratch buffers): one per caller.
/// </summary>
internal sealed class ImpactEvaluator
{
    private readonly int _cap;
    private readonly HealthStatus[] _passed;
    private readonly int[] _weights;
    private readonly int[] _slot;
    private readonly List<RootCauseEntry> _candidates = [];
    private ImpactEvaluation? _allOk;

    public ImpactEvaluator(ImpactGraph graph, int rootCauseCap = ImpactNode.DefaultRootCauseCap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rootCauseCap, 1);
        Graph = graph;
        _cap = rootCauseCap;
        var maxDegree = 0;
        for (var i = 0; i < graph.Count; i++) maxDegree = Math.Max(maxDegree, graph.Dependencies(i).Length);
        _passed = new HealthStatus[maxDegree];
        _weights = new int[maxDegree];
        _slot = new int[graph.Count];
        Array.Fill(_slot, -1);
    }

    public ImpactGraph Graph { get; }

    /// <summary>
    /// Evaluates every component from its own status (absent: Ok) and the components in maintenance.
    /// Ids not in the graph are ignored.
    /// </summary>
    public ImpactEvaluation Evaluate(IReadOnlyDictionary<string, HealthStatus> ownStatuses, IReadOnlySet<string>? maintenance = null)
    {
        var n = Graph.Count;
        var own = new HealthStatus[n];
        foreach (var (id, status) in ownStatuses)
        {
            var i = Graph.IndexOf(id);
            if (i >= 0) own[i] = status;
        }

        var inMaintenance = new bool[n];
        foreach (var id in maintenance ?? (IReadOnlySet<string>)new HashSet<string>())
        {
            var i = Graph.IndexOf(id);
            if (i >= 0) inMaintenance[i] = true;
        }

        var evaluation = new ImpactEvaluation(Graph, own, inMaintenance, new RuleOutcome[n], new HealthStatus[n],
            new RootCauseEntry[n][], new int[n]);
        foreach (var i in Graph.TopologicalOrder) Compute(evaluation, i);
        return evaluation;
    }

    /// <summary>
    /// Every component whose status would change if the components in <paramref name="assumptions"/> had those own
    /// statuses, starting from <paramref name="current"/> (old status, new status, new root causes), in ordinal id order.
    /// Only the components downstream of an assumption are recomputed, and only as far as something changes.
    /// </summary>
    public IReadOnlyList<WhatIfChange> WhatIf(ImpactEvaluation current, IReadOnlyDictionary<string, HealthStatus> assumptions)
    {
        if (current.Graph != Graph) throw new ArgumentException("The evaluation is of another graph.", nameof(current));
        var (after, touched) = Propagate(current, assumptions);
        var changes = new List<WhatIfChange>();
        touched.Sort();
        foreach (var i in touched)
        {
            if (after.Statuses[i] != current.Statuses[i])
            {
                changes.Add(new WhatIfChange(Graph.Id(i), current.Statuses[i], after.Statuses[i], after.RootCauses(i)));
            }
        }

        return changes;
    }

    /// <summary>What-if from own statuses and maintenance: evaluates them first, then applies the assumptions.</summary>
    public IReadOnlyList<WhatIfChange> WhatIf(IReadOnlyDictionary<string, HealthStatus> ownStatuses,
        IReadOnlyDictionary<string, HealthStatus> assumptions, IReadOnlySet<string>? maintenance = null) =>
        WhatIf(Evaluate(ownStatuses, maintenance), assumptions);

    /// <summary>
    /// The components upstream of <paramref name="serviceId"/> whose failure alone (own status Critical while every
    /// other component is Ok and none is in maintenance) would change the service's status, with the status it would
    /// then have: the most severe first, then ordinal id. Those with <see cref="HealthStatus.Critical"/> are the single
    /// points of failure proper. The service itself is not listed.
    /// </summary>
    public IReadOnlyList<SinglePointOfFailure> SinglePointsOfFailure(string serviceId)
    {
        var service = Graph.IndexOf(serviceId);
        if (service < 0) throw new KeyNotFoundException($"Component '{serviceId}' is not in the graph.");
        _allOk ??= Evaluate(new Dictionary<string, HealthStatus>());

        var upstream = Upstream(service);

        // Status-only propagation on one scratch copy, undone after each candidate.
        var own = (HealthStatus[])_allOk.Own.Clone();
        var statuses = (HealthStatus[])_allOk.Statuses.Clone();
        var queued = new bool[Graph.Count];
        var queue = new PriorityQueue<int, int>();
        var undo = new List<(int Index, HealthStatus Status)>();
        var dequeued = new List<int>();
        var found = new List<SinglePointOfFailure>();
        var before = statuses[service];
        for (var x = 0; x < Graph.Count; x++)
        {
            if (!upstream[x] || x == service) continue;
            var ownBefore = own[x];
            own[x] = HealthStatus.Critical;
            queued[x] = true;
            queue.Enqueue(x, Graph.TopologicalPosition(x));
            while (queue.TryDequeue(out var i, out _))
            {
                dequeued.Add(i);
                var status = ImpactStatus.Combine(own[i], Derive(i, statuses, _allOk.Maintenance).Status);
                if (status == statuses[i]) continue;
                undo.Add((i, statuses[i]));
                statuses[i] = status;
                foreach (var dependent in Graph.Dependents(i))
                {
                    if (!upstream[dependent] || queued[dependent]) continue;
                    queued[dependent] = true;
                    queue.Enqueue(dependent, Graph.TopologicalPosition(dependent));
                }
            }

            if (statuses[service] != before) found.Add(new SinglePointOfFailure(Graph.Id(x), statuses[service]));
            foreach (var (i, status) in undo) statuses[i] = status;
            foreach (var i in dequeued) queued[i] = false;
            undo.Clear();
            dequeued.Clear();
            own[x] = ownBefore;
        }

        return [.. found.OrderByDescending(f => ImpactStatus.Severity(f.ServiceStatus)).ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Ranks every root cause of <paramref name="evaluation"/> (a component whose own Warning..Critical status is its
    /// effective status) by the non-Ok services it is a root cause of, each weighted by its status (Warning 1, Minor 2,
    /// Major 3, Critical 4): highest score first, then more services, then more severe, then ordinal id. Counted exactly,
    /// by walking up the driving relations, not limited by the root-cause cap.
    /// </summary>
    public IReadOnlyList<BlastRadius> RankBlastRadius(ImpactEvaluation evaluation)
    {
        if (evaluation.Graph != Graph) throw new ArgumentException("The evaluation is of another graph.", nameof(evaluation));
        var n = Graph.Count;
        var seen = new int[n];
        var stamp = 0;
        var stack = new Stack<int>();
        var ranking = new List<BlastRadius>();
        for (var root = 0; root < n; root++)
        {
            var status = evaluation.Statuses[root];
            if (!ImpactStatus.IsProblem(status) || evaluation.Own[root] != status) continue;
            stamp++;
            seen[root] = stamp;
            stack.Push(root);
            int services = 0, score = 0;
            while (stack.Count > 0)
            {
                var at = stack.Pop();
                if (Graph.IsService(at))
                {
                    services++;
                    score += ImpactStatus.Severity(evaluation.Statuses[at]);
                }

                foreach (var dependent in Graph.Dependents(at))
                {
                    if (seen[dependent] == stamp || !Carries(evaluation, at, dependent)) continue;
                    seen[dependent] = stamp;
                    stack.Push(dependent);
                }
            }

            ranking.Add(new BlastRadius(Graph.Id(root), status, services, score));
        }

        return [.. ranking
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Services)
            .ThenByDescending(r => ImpactStatus.Severity(r.Status))
            .ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>The component and every component it reaches through propagating relations.</summary>
    private bool[] Upstream(int index)
    {
        var upstream = new bool[Graph.Count];
        var stack = new Stack<int>([index]);
        upstream[index] = true;
        while (stack.Count > 0)
        {
            foreach (var e in Graph.Dependencies(stack.Pop()))
            {
                if (upstream[e.Dependency]) continue;
                upstream[e.Dependency] = true;
                stack.Push(e.Dependency);
            }
        }

        return upstream;
    }

    /// <summary>True when <paramref name="dependency"/>'s root causes are root causes of <paramref name="dependent"/>.</summary>
    private bool Carries(ImpactEvaluation evaluation, int dependency, int dependent)
    {
        var outcome = evaluation.Outcomes[dependent];
        var status = evaluation.Statuses[dependent];
        if (!ImpactStatus.IsProblem(status) || outcome.Status != status) return false;
        foreach (var e in Graph.Dependencies(dependent))
        {
            if (e.Dependency != dependency) continue;
            var passed = RelationPass.Apply(e.Impact, e.Shift, evaluation.Statuses[dependency], evaluation.Maintenance[dependency]);
            if (outcome.IsDriving(passed)) return true;
        }

        return false;
    }

    /// <summary>
    /// Applies <paramref name="assumptions"/> to a copy of <paramref name="from"/> and recomputes, in topological order,
    /// the components downstream of a change until nothing changes any more. Returns the new evaluation and the
    /// components recomputed.
    /// </summary>
    private (ImpactEvaluation After, List<int> Touched) Propagate(ImpactEvaluation from,
        IReadOnlyDictionary<string, HealthStatus> assumptions)
    {
        var after = new ImpactEvaluation(Graph, (HealthStatus[])from.Own.Clone(), from.Maintenance,
            (RuleOutcome[])from.Outcomes.Clone(), (HealthStatus[])from.Statuses.Clone(),
            (RootCauseEntry[][])from.RootCauseEntries.Clone(), (int[])from.Totals.Clone());
        var queue = new PriorityQueue<int, int>();
        var queued = new HashSet<int>();
        foreach (var (id, status) in assumptions)
        {
            var i = Graph.IndexOf(id);
            if (i < 0) continue;
            after.Own[i] = status;
            if (queued.Add(i)) queue.Enqueue(i, Graph.TopologicalPosition(i));
        }

        var touched = new List<int>();
        while (queue.TryDequeue(out var i, out _))
        {
            touched.Add(i);
            if (!Compute(after, i)) continue;
            foreach (var dependent in Graph.Dependents(i))
            {
                if (queued.Add(dependent)) queue.Enqueue(dependent, Graph.TopologicalPosition(dependent));
            }
        }

        return (after, touched);
    }

    /// <summary>Recomputes one component from its dependencies; true when what its dependents see changed.</summary>
    private bool Compute(ImpactEvaluation state, int i)
    {
        var outcome = Derive(i, state.Statuses, state.Maintenance);
        var status = ImpactStatus.Combine(state.Own[i], outcome.Status);
        var changed = status != state.Statuses[i];
        state.Outcomes[i] = outcome;
        state.Statuses[i] = status;
        var (entries, total) = FindRootCauses(state, i, outcome, _passed.AsSpan(0, Graph.Dependencies(i).Length));
        changed |= total != state.Totals[i] || !entries.AsSpan().SequenceEqual(state.RootCauseEntries[i] ?? []);
        state.RootCauseEntries[i] = entries;
        state.Totals[i] = total;
        return changed;
    }

    /// <summary>The rule outcome of component <paramref name="i"/>; leaves the passed statuses in the scratch buffer.</summary>
    private RuleOutcome Derive(int i, HealthStatus[] statuses, bool[] maintenance)
    {
        var edges = Graph.Dependencies(i);
        var passed = _passed.AsSpan(0, edges.Length);
        var weights = _weights.AsSpan(0, edges.Length);
        for (var k = 0; k < edges.Length; k++)
        {
            var e = edges[k];
            passed[k] = RelationPass.Apply(e.Impact, e.Shift, statuses[e.Dependency], maintenance[e.Dependency]);
            weights[k] = e.Weight;
        }

        return StatusRuleEvaluator.Evaluate(Graph.Definition(i).Rule, passed, weights);
    }

    private (RootCauseEntry[] Entries, int Total) FindRootCauses(ImpactEvaluation state, int i, RuleOutcome outcome,
        ReadOnlySpan<HealthStatus> passed)
    {
        var status = state.Statuses[i];
        if (!ImpactStatus.IsProblem(status)) return ([], 0);
        _candidates.Clear();
        var self = state.Own[i] == status;
        if (self) Add(new RootCauseEntry(i, status, 1, -1));
        var belowTotal = 0;
        if (outcome.Status == status)
        {
            var edges = Graph.Dependencies(i);
            for (var k = 0; k < edges.Length; k++)
            {
                if (!outcome.IsDriving(passed[k])) continue;
                var d = edges[k].Dependency;
                belowTotal = Math.Max(belowTotal, state.Totals[d]);
                foreach (var cause in state.RootCauseEntries[d]) Add(new RootCauseEntry(cause.Root, cause.Status, cause.Length + 1, d));
            }
        }

        foreach (var c in _candidates) _slot[c.Root] = -1;
        var total = Math.Max(_candidates.Count, belowTotal + (self ? 1 : 0));
        _candidates.Sort(static (a, b) =>
            a.Status != b.Status ? b.Status.CompareTo(a.Status)
            : a.Length != b.Length ? a.Length.CompareTo(b.Length)
            : a.Root.CompareTo(b.Root));
        var kept = new RootCauseEntry[Math.Min(_cap, _candidates.Count)];
        _candidates.CopyTo(0, kept, 0, kept.Length);
        return (kept, total);
    }

    private void Add(RootCauseEntry entry)
    {
        var slot = _slot[entry.Root];
        if (slot < 0)
        {
            _slot[entry.Root] = _candidates.Count;
            _candidates.Add(entry);
        }
        else if (entry.Length < _candidates[slot].Length)
        {
            _candidates[slot] = entry;
        }
    }
}
