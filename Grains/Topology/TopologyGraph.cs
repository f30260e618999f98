using System.Collections.Immutable;
using ImpactMesh.Grains.Documents;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Topology;

/// <summary>
/// The relation graph in memory: components in document order, each component's dependents, and whole-graph changes that
/// are validated before anything is applied. Every change reports which components' relations changed, so the grain
/// tells only those.
/// </summary>
internal sealed class TopologyGraph
{
    private readonly List<ComponentDefinition> _components = [];
    private readonly Dictionary<string, ComponentDefinition> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<Relation>> _dependents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<int>> _nonPropagating = new(StringComparer.Ordinal);

    public TopologyGraph(IEnumerable<ComponentDefinition> components, long version, DateTimeOffset? updatedAt)
    {
        Load(components);
        Version = version;
        UpdatedAt = updatedAt;
    }

    public long Version { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public IReadOnlyList<ComponentDefinition> Components => _components;

    public int RelationCount { get; private set; }

    public ComponentRelations? Get(string id) =>
        _byId.TryGetValue(id, out var definition)
            ? new ComponentRelations(definition, DependentsOf(id), Version, _nonPropagating.GetValueOrDefault(id, []))
            : null;

    public TopologyChange Replace(string text, DocumentFormat format, DateTimeOffset now)
    {
        var errors = new DocumentProblems();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var parsed = TopologyDocumentReader.ReadGraph(text, format, errors, declared);
        if (parsed is null) return Rejected(errors);

        // Relation problems among the components that could be read are reported with the rest, so one response names them all.
        var components = parsed.ConvertAll(p => p.Component);
        var warnings = TopologyValidator.Validate(components, i => $"components[{parsed[i].Index}]", declared, errors);
        if (errors.Any) return Rejected(errors);

        var before = Snapshot();
        Load(components);
        return Applied(warnings, before, now);
    }

    public TopologyChange Upsert(string id, string text, DocumentFormat format, DateTimeOffset now)
    {
        var errors = new DocumentProblems();
        var component = TopologyDocumentReader.ReadComponent(text, format, id, errors);
        if (component is null || errors.Any) return Rejected(errors);

        var next = new List<ComponentDefinition>(_components.Count + 1);
        var written = -1;
        foreach (var existing in _components)
        {
            if (existing.Id == id) written = next.Count;
            next.Add(existing.Id == id ? component : existing);
        }

        if (written < 0)
        {
            written = next.Count;
            next.Add(component);
        }

        var warnings = TopologyValidator.Validate(next, i => i == written ? "" : null, ImmutableHashSet<string>.Empty, errors);
        if (errors.Any) return Rejected(errors);

        var before = Snapshot();
        Load(next);
        return Applied(warnings, before, now);
    }

    public (ComponentRemovalResult Result, IReadOnlyList<string> Affected) Remove(string id, bool force, DateTimeOffset now)
    {
        if (!_byId.ContainsKey(id)) return (new ComponentRemovalResult(false, false, [], Version), []);
        var dependents = DependentsOf(id).Select(r => r.Id).ToImmutableArray();
        if (!dependents.IsEmpty && !force) return (new ComponentRemovalResult(true, false, dependents, Version), []);

        var before = Snapshot();
        var next = _components
            .Where(c => c.Id != id)
            .Select(c => c.DependsOn.Any(r => r.Id == id) ? c with { DependsOn = [.. c.DependsOn.Where(r => r.Id != id)] } : c)
            .ToList();
        Load(next);
        var change = Applied([], before, now);
        return (new ComponentRemovalResult(true, true, dependents, Version), change.Affected);
    }

    private void Load(IEnumerable<ComponentDefinition> components)
    {
        _components.Clear();
        _byId.Clear();
        _dependents.Clear();
        RelationCount = 0;
        foreach (var component in components)
        {
            _components.Add(component);
            _byId[component.Id] = component;
            RelationCount += component.DependsOn.Length;
        }

        // A dependent's relation is the relation as written with the dependent's id. Most are plain, and equal to a relation
        // some component wrote to that dependent, so the pool gives one instance for all of them.
        var relations = new InstancePool();
        foreach (var component in _components)
        {
            foreach (var relation in component.DependsOn) relations.Get(relation);
        }

        var dependents = new Dictionary<string, List<Relation>>(StringComparer.Ordinal);
        foreach (var component in _components)
        {
            foreach (var relation in component.DependsOn)
            {
                if (!dependents.TryGetValue(relation.Id, out var list)) dependents[relation.Id] = list = [];
                list.Add(relations.Get(relation with { Id = component.Id }));
            }
        }

        // Every ComponentRelations handed out (and kept by its component grain) shares these arrays.
        foreach (var (id, list) in dependents)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            _dependents[id] = [.. list];
        }

        _nonPropagating.Clear();
        foreach (var closing in DependencyCycles.Find(_components).GroupBy(c => c.From))
        {
            _nonPropagating[closing.Key] = [.. closing.Select(c => c.RelationIndex).Order()];
        }
    }

    private ImmutableArray<Relation> DependentsOf(string id) => _dependents.GetValueOrDefault(id, []);

    private Dictionary<string, ComponentRelations> Snapshot() =>
        _components.ToDictionary(c => c.Id, c => Get(c.Id)!, StringComparer.Ordinal);

    private TopologyChange Applied(List<DocumentProblem> warnings, Dictionary<string, ComponentRelations> before, DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
        var affected = new List<string>();
        foreach (var component in _components)
        {
            var current = Get(component.Id)!;
            if (!before.Remove(component.Id, out var old)
                || !ComponentDefinitionComparer.Same(old.Definition, component)
                || !old.Dependents.SequenceEqual(current.Dependents)
                || !old.NonPropagating.SequenceEqual(current.NonPropagating))
            {
                affected.Add(component.Id);
            }
        }

        affected.AddRange(before.Keys);
        return new TopologyChange(new TopologyUpdateResult([], [.. warnings], _components.Count, RelationCount, Version), affected);
    }

    private TopologyChange Rejected(DocumentProblems errors) => new(TopologyUpdateResult.Rejected(errors.ToImmutable(), Version), []);
}
