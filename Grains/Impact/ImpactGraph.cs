using System.Collections.Frozen;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Topology;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// The relation graph compiled for impact analysis. Components get indices in ordinal id order. The propagating edges
/// of a component are its relations in written order, without ignored relations (no rule counts them) and without the
/// relations that close dependency cycles (<see cref="DependencyCycles.Find"/>: they never propagate, which is how
/// cycles terminate); what remains is acyclic, and <see cref="TopologicalOrder"/> lists dependencies before dependents.
/// Services are the components of kind <see cref="ServiceKind"/>; a graph without any treats every component as one.
/// </summary>
internal sealed class ImpactGraph
{
    public const string ServiceKind = "service";

    private readonly string[] _ids;
    private readonly FrozenDictionary<string, int> _index;
    private readonly ComponentDefinition[] _definitions;
    private readonly int[] _edgeStart;
    private readonly ImpactEdge[] _edges;
    private readonly int[] _dependentStart;
    private readonly int[] _dependents;
    private readonly int[] _order;
    private readonly int[] _position;
    private readonly bool[] _isService;
    private readonly FrozenDictionary<string, int[]> _nonPropagating;

    private ImpactGraph(IReadOnlyCollection<ComponentDefinition> components)
    {
        _definitions = [.. components.OrderBy(c => c.Id, StringComparer.Ordinal)];
        _ids = [.. _definitions.Select(c => c.Id)];
        var index = new Dictionary<string, int>(_ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < _ids.Length; i++)
        {
            if (!index.TryAdd(_ids[i], i)) throw new ArgumentException($"Component '{_ids[i]}' is defined twice.", nameof(components));
        }

        _index = index.ToFrozenDictionary(StringComparer.Ordinal);
        foreach (var c in _definitions)
        {
            foreach (var r in c.DependsOn)
            {
                if (!_index.ContainsKey(r.Id))
                {
                    throw new ArgumentException($"Component '{c.Id}' depends on '{r.Id}', which is not in the graph.", nameof(components));
                }
            }
        }

        var closing = DependencyCycles.Find(_definitions);
        ClosingRelations = closing;
        _nonPropagating = closing
            .GroupBy(r => r.From, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(r => r.RelationIndex).Order().ToArray(), StringComparer.Ordinal);

        var n = _ids.Length;
        _edgeStart = new int[n + 1];
        var edges = new List<ImpactEdge>();
        var dependentLists = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            _edgeStart[i] = edges.Count;
            var excluded = _nonPropagating.GetValueOrDefault(_ids[i]) ?? [];
            var relations = _definitions[i].DependsOn;
            for (var r = 0; r < relations.Length; r++)
            {
                var relation = relations[r];
                if (!RelationPass.Counts(relation) || Array.IndexOf(excluded, r) >= 0) continue;
                var d = _index[relation.Id];
                edges.Add(new ImpactEdge(d, relation.Impact, relation.Shift, relation.Weight));
                (dependentLists[d] ??= []).Add(i);
            }
        }

        _edgeStart[n] = edges.Count;
        _edges = [.. edges];
        _dependentStart = new int[n + 1];
        var dependents = new List<int>();
        for (var i = 0; i < n; i++)
        {
            _dependentStart[i] = dependents.Count;
            if (dependentLists[i] is { } list) dependents.AddRange(list.Distinct());
        }

        _dependentStart[n] = dependents.Count;
        _dependents = [.. dependents];

        (_order, _position) = Sort();
        var anyService = _definitions.Any(c => c.Kind == ServiceKind);
        _isService = [.. _definitions.Select(c => !anyService || c.Kind == ServiceKind)];
    }

    /// <summary>Compiles <paramref name="components"/>; every relation must name a component in the collection.</summary>
    public static ImpactGraph Compile(IReadOnlyCollection<ComponentDefinition> components) => new(components);

    public int Count => _ids.Length;

    /// <summary>The relations that close dependency cycles and so never propagate.</summary>
    public IReadOnlyList<DependencyCycles.ClosingRelation> ClosingRelations { get; }

    /// <summary>Component ids by index (ordinal order).</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Every index, dependencies before their dependents.</summary>
    public ReadOnlySpan<int> TopologicalOrder => _order;

    public string Id(int index) => _ids[index];

    /// <summary>The index of <paramref name="id"/>, or -1 when it is not in the graph.</summary>
    public int IndexOf(string id) => _index.GetValueOrDefault(id, -1);

    public ComponentDefinition Definition(int index) => _definitions[index];

    public bool IsService(int index) => _isService[index];

    /// <summary>The position of <paramref name="index"/> in <see cref="TopologicalOrder"/>.</summary>
    public int TopologicalPosition(int index) => _position[index];

    /// <summary>The propagating relations of a component, in written order.</summary>
    public ReadOnlySpan<ImpactEdge> Dependencies(int index) => _edges.AsSpan(_edgeStart[index], _edgeStart[index + 1] - _edgeStart[index]);

    /// <summary>The components with a propagating relation to this one (each once).</summary>
    public ReadOnlySpan<int> Dependents(int index) =>
        _dependents.AsSpan(_dependentStart[index], _dependentStart[index + 1] - _dependentStart[index]);

    /// <summary>
    /// The indices (into <see cref="ComponentDefinition.DependsOn"/>) of the component's relations that close cycles:
    /// what a component grain's <see cref="ImpactNode"/> must leave out.
    /// </summary>
    public IReadOnlyList<int> NonPropagatingRelations(string id) => _nonPropagating.GetValueOrDefault(id) ?? [];

    private (int[] Order, int[] Position) Sort()
    {
        var n = _ids.Length;
        var pending = new int[n];
        for (var i = 0; i < n; i++) pending[i] = _edgeStart[i + 1] - _edgeStart[i];
        var order = new int[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (pending[i] == 0) order[count++] = i;
        }

        for (var head = 0; head < count; head++)
        {
            var d = order[head];
            foreach (var dependent in Dependents(d))
            {
                var edgesTo = 0;
                foreach (var edge in Dependencies(dependent))
                {
                    if (edge.Dependency == d) edgesTo++;
                }

                pending[dependent] -= edgesTo;
                if (pending[dependent] == 0) order[count++] = dependent;
            }
        }

        if (count != n) throw new InvalidOperationException("The propagating relations still contain a cycle.");
        var position = new int[n];
        for (var p = 0; p < n; p++) position[order[p]] = p;
        return (order, position);
    }
}
