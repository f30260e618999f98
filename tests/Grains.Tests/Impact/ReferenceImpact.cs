using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Topology;

namespace ImpactMesh.Grains.Tests.Impact;

/// <summary>
/// A deliberately simple, independent recomputation of the documented impact semantics, written straight from the
/// specification with recursion and LINQ (uncapped root causes with shortest path lengths). Only the cycle-closing
/// relations come from <see cref="DependencyCycles"/>, the given rule for how cycles terminate.
/// </summary>
internal sealed class ReferenceImpact
{
    private readonly Dictionary<string, ComponentDefinition> _components;
    private readonly IReadOnlyDictionary<string, HealthStatus> _own;
    private readonly IReadOnlySet<string> _maintenance;
    private readonly HashSet<(string From, int Index)> _closing;
    private readonly Dictionary<string, (HealthStatus Derived, HealthStatus Main, HealthStatus Effective)> _status = [];
    private readonly Dictionary<string, Dictionary<string, int>> _causes = [];

    public ReferenceImpact(IReadOnlyList<ComponentDefinition> components, IReadOnlyDictionary<string, HealthStatus> own,
        IReadOnlySet<string> maintenance)
    {
        _components = components.ToDictionary(c => c.Id);
        _own = own;
        _maintenance = maintenance;
        _closing = [.. DependencyCycles.Find(components).Select(r => (r.From, r.RelationIndex))];
        WarmUp();
    }

    public HealthStatus Own(string id) => _own.TryGetValue(id, out var s) ? s : HealthStatus.Ok;

    public HealthStatus Status(string id) => Evaluate(id).Effective;

    /// <summary>Every root cause of <paramref name="id"/> with the length of its shortest path (1 = itself).</summary>
    public IReadOnlyDictionary<string, int> RootCauses(string id)
    {
        if (_causes.TryGetValue(id, out var known)) return known;
        var result = new Dictionary<string, int>();
        var (derived, main, effective) = Evaluate(id);
        if (effective is >= HealthStatus.Warning and <= HealthStatus.Critical)
        {
            if (Own(id) == effective) result[id] = 1;
            if (derived == effective)
            {
                var rule = _components[id].Rule;
                foreach (var (relation, passed) in Passed(id))
                {
                    if (passed is < HealthStatus.Warning or > HealthStatus.Critical) continue;
                    var driving = (main == effective && passed >= main)
                        || (rule?.Additional ?? []).Any(a => a.Set == effective && Fires(a, Passed(id)) && (a.Comparison == ThresholdComparison.AtLeast
                            ? passed >= a.Status
                            : passed > a.Status));
                    if (!driving) continue;
                    foreach (var (cause, length) in RootCauses(relation.Id))
                    {
                        result[cause] = Math.Min(result.GetValueOrDefault(cause, int.MaxValue), length + 1);
                    }
                }
            }
        }

        _causes[id] = result;
        return result;
    }

    /// <summary>Evaluates dependencies before dependents (iterative post-order) so the recursion above stays shallow.</summary>
    private void WarmUp()
    {
        var done = new HashSet<string>();
        var onPath = new HashSet<string>();
        foreach (var start in _components.Keys)
        {
            var stack = new Stack<(string Id, int Next)>([(start, 0)]);
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                if (next == 0 && (done.Contains(id) || !onPath.Add(id))) continue;
                var relations = _components[id].DependsOn;
                if (next < relations.Length)
                {
                    stack.Push((id, next + 1));
                    if (!done.Contains(relations[next].Id) && !onPath.Contains(relations[next].Id)) stack.Push((relations[next].Id, 0));
                    continue;
                }

                onPath.Remove(id);
                done.Add(id);
                Evaluate(id);
                RootCauses(id);
            }
        }
    }

    private (HealthStatus Derived, HealthStatus Main, HealthStatus Effective) Evaluate(string id)
    {
        if (_status.TryGetValue(id, out var known)) return known;
        var component = _components[id];
        var passed = Passed(id).Select(p => p.Passed).ToList();
        var rule = component.Rule ?? new StatusRule(RuleKind.Worst, 0, []);
        var statuses = passed.Where(IsKnown).ToList();
        HealthStatus main;
        if (rule.Main == RuleKind.None || passed.Count == 0) main = HealthStatus.Ok;
        else if (statuses.Count == 0) main = HealthStatus.Unknown;
        else
        {
            var ascending = statuses.Order().ToList();
            var n = Math.Max(1, rule.AtLeast);
            main = rule.Main switch
            {
                RuleKind.Best => ascending[0],
                RuleKind.AtLeast => ascending.Count < n ? ascending[^1] : ascending[n - 1],
                _ => ascending[^1],
            };
        }

        var derived = main;
        foreach (var a in rule.Additional.Where(a => Fires(a, Passed(id))))
        {
            derived = Worse(derived, a.Set);
        }

        var own = Own(id);
        var effective = !IsKnown(own) && derived == HealthStatus.Ok ? HealthStatus.Unknown : Worse(own, derived);
        var result = (derived, main, effective);
        _status[id] = result;
        return result;
    }

    private static bool Fires(AdditionalRule rule, List<(Relation Relation, HealthStatus Passed)> passed)
    {
        if (passed.Count == 0 || !IsKnown(rule.Status)) return false;
        var counted = passed.Where(p => IsKnown(p.Passed) && (rule.Comparison == ThresholdComparison.AtLeast
            ? p.Passed >= rule.Status
            : p.Passed <= rule.Status)).ToList();
        double totalWeight = passed.Sum(p => (long)p.Relation.Weight);
        double value = rule.Measure switch
        {
            ThresholdMeasure.Count => counted.Count,
            ThresholdMeasure.Percent => 100.0 * counted.Count / passed.Count,
            ThresholdMeasure.Weight => counted.Sum(p => (long)p.Relation.Weight),
            _ => totalWeight == 0 ? 0 : 100.0 * counted.Sum(p => (long)p.Relation.Weight) / totalWeight,
        };
        return rule.Comparison == ThresholdComparison.AtLeast ? value >= rule.Threshold : value < rule.Threshold;
    }

    private List<(Relation Relation, HealthStatus Passed)> Passed(string id)
    {
        var list = new List<(Relation, HealthStatus)>();
        var relations = _components[id].DependsOn;
        for (var i = 0; i < relations.Length; i++)
        {
            var r = relations[i];
            if (r.Ignore || _closing.Contains((id, i))) continue;
            var s = Status(r.Id);
            HealthStatus passed;
            if (_maintenance.Contains(r.Id)) passed = HealthStatus.Ok;
            else if (!IsKnown(s) || s == HealthStatus.Ok) passed = s;
            else
            {
                passed = (HealthStatus)Math.Clamp((int)s + r.Shift, 0, 4);
                if (r.Impact == RelationImpact.Soft && passed > HealthStatus.Warning) passed = HealthStatus.Warning;
            }

            list.Add((r, passed));
        }

        return list;
    }

    private static bool IsKnown(HealthStatus s) => s != HealthStatus.Unknown;

    private static HealthStatus Worse(HealthStatus a, HealthStatus b) =>
        !IsKnown(a) ? b : !IsKnown(b) ? a : (HealthStatus)Math.Max((int)a, (int)b);
}
