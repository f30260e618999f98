using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// The impact state one component grain holds, updated incrementally as its own health, its maintenance flag and the
/// reports of its dependencies change.
/// <para>The <b>effective status</b> is <see cref="ImpactStatus.Combine"/> of the own status (Ok until told otherwise)
/// and the status the <see cref="StatusRule"/> derives (<see cref="StatusRuleEvaluator"/>) from what each propagating
/// relation passes on (<see cref="RelationPass"/>). Propagating relations are the non-ignored ones minus those closing a
/// cycle. A dependency that has not reported yet counts as Ok, so a grain sends its report to its dependents once it is
/// configured (and after a reconfiguration), not only on changes.</para>
/// <para><b>Root causes</b> (only for Warning to Critical): the component itself when its own status is its effective
/// status; and, when the derived status is the effective status, the root causes of every driving dependency
/// (<see cref="RuleOutcome.IsDriving"/>), with the shortest path (ties: the first relation in written order). A root cause
/// reached through several dependencies (a diamond) counts once. At most <c>rootCauseCap</c> are kept, the most severe
/// first, then the shortest path, then ordinal id; <see cref="TotalRootCauses"/> is how many were found (exact unless a
/// list was capped below, then a lower bound).</para>
/// <para><b>Reports</b> are applied only when their sequence is above the last one applied from the same dependency, so
/// stale, duplicated or reordered deliveries converge to the state given by each dependency's latest report.</para>
/// </summary>
internal sealed class ImpactNode
{
    public const int DefaultRootCauseCap = 32;

    private const int ScanLimit = 8;

    private readonly int _cap;
    // Per dependency (an index into Dependencies): the sequence of the last report applied from it, and that report unless
    // it passes nothing (Ok, not in maintenance, no root causes), which is as good as no report: most dependencies are Ok
    // most of the time, so most slots hold no object. Ids are found by a scan, or through _dependencyIndex when there are
    // more than ScanLimit.
    private long[] _lastSequence = [];
    private ImpactReport?[] _reports = [];
    private Dictionary<string, int>? _dependencyIndex;
    private ImmutableArray<Relation> _relations = [];
    private int[] _dependencyOf = [];
    private HealthStatus[] _passed = [];
    private int[] _weights = [];
    private RuleOutcome _outcome;
    private string? _ruleReason;
    private bool _evaluated;
    private long _sequence;

    /// <param name="definition">The component as written in the topology.</param>
    /// <param name="nonPropagatingRelations">Indices into <see cref="ComponentDefinition.DependsOn"/> of the relations
    /// that close cycles (<see cref="ImpactGraph.NonPropagatingRelations"/>).</param>
    /// <param name="sequence">The sequence the next report continues from; a reactivated grain should start above the
    /// last one it sent (for example from a clock).</param>
    /// <param name="rootCauseCap">How many root causes to keep.</param>
    public ImpactNode(ComponentDefinition definition, IEnumerable<int>? nonPropagatingRelations = null, long sequence = 0,
        int rootCauseCap = DefaultRootCauseCap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rootCauseCap, 1);
        _cap = rootCauseCap;
        _sequence = sequence;
        Definition = definition;
        Reconfigure(definition, nonPropagatingRelations);
    }

    public string Id => Definition.Id;

    public ComponentDefinition Definition { get; private set; }

    /// <summary>The ids of the dependencies whose reports count (each once): the ones to subscribe to.</summary>
    public ImmutableArray<string> Dependencies { get; private set; } = [];

    public HealthStatus OwnStatus { get; private set; } = HealthStatus.Ok;

    public string OwnReason { get; private set; } = "";

    public bool InMaintenance { get; private set; }

    /// <summary>The status derived from the dependencies by the rule.</summary>
    public HealthStatus DerivedStatus => _outcome.Status;

    /// <summary>The effective status: own health and derived status combined.</summary>
    public HealthStatus Status { get; private set; } = HealthStatus.Ok;

    public string Reason { get; private set; } = "";

    public ImmutableArray<RootCause> RootCauses { get; private set; } = [];

    public int TotalRootCauses { get; private set; }

    /// <summary>Sets the component's own health (from its metrics or an external event) and why.</summary>
    public ImpactChanges SetOwnStatus(HealthStatus status, string reason)
    {
        OwnStatus = status;
        OwnReason = reason;
        return Recompute();
    }

    /// <summary>Puts the component in or out of maintenance: while in it, it passes Ok to its dependents.</summary>
    public ImpactChanges SetMaintenance(bool inMaintenance)
    {
        if (inMaintenance == InMaintenance) return ImpactChanges.None;
        InMaintenance = inMaintenance;
        return ImpactChanges.Maintenance | Recompute();
    }

    /// <summary>
    /// Applies a dependency's report. Reports from components that are not propagating dependencies, and reports not newer
    /// than the last applied from the same sender, are ignored (<see cref="ImpactChanges.None"/>).
    /// </summary>
    public ImpactChanges Apply(ImpactReport report)
    {
        var d = IndexOf(report.From);
        if (d < 0 || _lastSequence[d] >= report.Sequence) return ImpactChanges.None;
        _lastSequence[d] = report.Sequence;
        _reports[d] = PassesNothing(report) ? null : report;
        return Recompute();
    }

    /// <summary>Takes a changed definition; reports from dependencies that are no longer propagating are dropped.</summary>
    public ImpactChanges Reconfigure(ComponentDefinition definition, IEnumerable<int>? nonPropagatingRelations = null)
    {
        if (definition.Id != Definition.Id) throw new ArgumentException("A node keeps its component id.", nameof(definition));
        Definition = definition;
        var excluded = nonPropagatingRelations?.ToHashSet() ?? [];
        // Usually every relation propagates: then the definition's own array serves, rather than a copy per node.
        _relations = excluded.Count == 0 && definition.DependsOn.All(RelationPass.Counts)
            ? definition.DependsOn
            : [.. definition.DependsOn.Where((r, i) => RelationPass.Counts(r) && !excluded.Contains(i))];
        _passed = new HealthStatus[_relations.Length];
        _evaluated = false;
        _weights = [.. _relations.Select(r => r.Weight)];
        var old = (Dependencies, _lastSequence, _reports);
        Dependencies = [.. _relations.Select(r => r.Id).Distinct(StringComparer.Ordinal)];
        _dependencyIndex = Dependencies.Length > ScanLimit ? Dependencies.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal) : null;
        _dependencyOf = [.. _relations.Select(r => IndexOf(r.Id))];
        _lastSequence = new long[Dependencies.Length];
        _reports = new ImpactReport?[Dependencies.Length];
        for (var d = 0; d < Dependencies.Length; d++)
        {
            var was = old.Dependencies.IndexOf(Dependencies[d], StringComparer.Ordinal);
            _lastSequence[d] = was < 0 ? long.MinValue : old._lastSequence[was];
            _reports[d] = was < 0 ? null : old._reports[was];
        }

        return Recompute();
    }

    /// <summary>The report to send to every dependent, with the next sequence number and the data time <paramref name="at"/> of its cause.</summary>
    public ImpactReport CreateReport(DateTimeOffset at = default) =>
        new(Id, ++_sequence, Status, InMaintenance, RootCauses, TotalRootCauses, at);

    public ComponentImpact ToImpact() => new(Id, Status, Reason, RootCauses, TotalRootCauses);

    private ImpactChanges Recompute()
    {
        // The rule is evaluated again only when what the relations pass on changed (a report may change only root causes).
        var passedChanged = !_evaluated;
        for (var i = 0; i < _relations.Length; i++)
        {
            var report = _reports[_dependencyOf[i]];
            var passed = RelationPass.Apply(_relations[i], report?.Status ?? HealthStatus.Ok, report?.InMaintenance ?? false);
            passedChanged |= passed != _passed[i];
            _passed[i] = passed;
        }

        if (passedChanged)
        {
            _outcome = StatusRuleEvaluator.Evaluate(Definition.Rule, _passed, _weights);
            _ruleReason = null;
            _evaluated = true;
        }

        var status = ImpactStatus.Combine(OwnStatus, _outcome.Status);
        var (rootCauses, total) = FindRootCauses(status);
        var reason = Describe(status);

        var changes = ImpactChanges.None;
        if (status != Status) changes |= ImpactChanges.Status;
        if (total != TotalRootCauses || !SameRootCauses(rootCauses, RootCauses)) changes |= ImpactChanges.RootCauses;
        if (reason != Reason) changes |= ImpactChanges.Reason;
        Status = status;
        RootCauses = rootCauses;
        TotalRootCauses = total;
        Reason = reason;
        return changes;
    }

    private (ImmutableArray<RootCause> RootCauses, int Total) FindRootCauses(HealthStatus status)
    {
        if (!ImpactStatus.IsProblem(status)) return ([], 0);

        // Per root cause id: the root cause as the dependency reported it (null for this component) and the path length here.
        var found = new Dictionary<string, (RootCause? Via, int Length)>(StringComparer.Ordinal);
        var self = OwnStatus == status;
        if (self) found[Id] = (null, 1);
        var belowTotal = 0;
        if (_outcome.Status == status)
        {
            for (var i = 0; i < _relations.Length; i++)
            {
                if (!_outcome.IsDriving(_passed[i]) || _reports[_dependencyOf[i]] is not { } report) continue;
                belowTotal = Math.Max(belowTotal, report.TotalRootCauses);
                foreach (var cause in report.RootCauses)
                {
                    var length = cause.Path.Length + 1;
                    if (!found.TryGetValue(cause.Id, out var known) || length < known.Length) found[cause.Id] = (cause, length);
                }
            }
        }

        var ranked = new List<(string Id, HealthStatus Status, RootCause? Via, int Length)>(found.Count);
        foreach (var (id, (via, length)) in found) ranked.Add((id, via?.Status ?? OwnStatus, via, length));
        ranked.Sort(static (a, b) =>
        {
            var order = b.Status.CompareTo(a.Status);
            if (order == 0) order = a.Length.CompareTo(b.Length);
            return order != 0 ? order : string.CompareOrdinal(a.Id, b.Id);
        });

        var kept = ImmutableArray.CreateBuilder<RootCause>(Math.Min(_cap, ranked.Count));
        foreach (var (_, _, via, _) in ranked.Take(kept.Capacity))
        {
            kept.Add(via is null ? new RootCause(Id, OwnStatus, [Id]) : via with { Path = via.Path.Add(Id) });
        }

        return (kept.MoveToImmutable(), Math.Max(found.Count, belowTotal + (self ? 1 : 0)));
    }

    private string Describe(HealthStatus status)
    {
        if (status == HealthStatus.Ok) return "Ok";
        var own = OwnStatus == status ? (OwnReason.Length > 0 ? OwnReason : $"own health {OwnStatus}") : null;
        if (_outcome.Status != status) return own ?? "";
        _ruleReason ??= StatusRuleEvaluator.Describe(Definition.Rule, _passed, _weights);
        return own is null ? _ruleReason : $"{own}; {_ruleReason}";
    }

    private int IndexOf(string id)
    {
        if (_dependencyIndex is not null) return _dependencyIndex.GetValueOrDefault(id, -1);
        var dependencies = Dependencies.AsSpan();
        for (var d = 0; d < dependencies.Length; d++)
        {
            if (string.Equals(dependencies[d], id, StringComparison.Ordinal)) return d;
        }

        return -1;
    }

    private static bool PassesNothing(ImpactReport report) =>
        report is { Status: HealthStatus.Ok, InMaintenance: false, TotalRootCauses: 0 } && report.RootCauses.IsDefaultOrEmpty;

    private static bool SameRootCauses(ImmutableArray<RootCause> a, ImmutableArray<RootCause> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i].Id != b[i].Id || a[i].Status != b[i].Status || !a[i].Path.SequenceEqual(b[i].Path)) return false;
        }

        return true;
    }
}
