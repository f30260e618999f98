using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Impact;

/// <summary>
/// Grain-to-grain propagation with <see cref="ImpactNode"/>s and a message queue delivered in random order: reports
/// overtake each other (stale ones arrive late), some are delivered twice, and events interleave with deliveries.
/// </summary>
internal sealed class PropagationSimulation
{
    private readonly Random _random;
    private readonly Dictionary<string, List<string>> _dependents = [];
    private readonly List<(string To, ImpactReport Report)> _pending = [];
    private int _duplicates;

    public PropagationSimulation(IReadOnlyList<ComponentDefinition> components, Random random, int rootCauseCap)
    {
        _random = random;
        var graph = ImpactGraph.Compile(components);
        foreach (var c in components)
        {
            Nodes[c.Id] = new ImpactNode(c, graph.NonPropagatingRelations(c.Id), rootCauseCap: rootCauseCap);
        }

        foreach (var node in Nodes.Values)
        {
            foreach (var dependency in node.Dependencies)
            {
                if (!_dependents.TryGetValue(dependency, out var list)) _dependents[dependency] = list = [];
                list.Add(node.Id);
            }
        }
    }

    public Dictionary<string, ImpactNode> Nodes { get; } = [];

    public int Delivered { get; private set; }

    /// <summary>
    /// Every node first reports its initial state (as a grain does once configured); then the events are applied
    /// interleaved with random deliveries, and finally everything pending is delivered.
    /// </summary>
    public void Run(IEnumerable<ImpactEvent> events)
    {
        foreach (var node in Nodes.Values) Send(node);
        foreach (var e in events)
        {
            while (_pending.Count > 0 && _random.Next(3) != 0) DeliverOne();
            var node = Nodes[e.Id];
            var changes = e.Own is { } own ? node.SetOwnStatus(own, $"event {own}") : node.SetMaintenance(e.Maintenance);
            if ((changes & ImpactChanges.Report) != 0) Send(node);
        }

        while (_pending.Count > 0) DeliverOne();
    }

    private void DeliverOne()
    {
        var i = _random.Next(_pending.Count);
        var (to, report) = _pending[i];
        if (_duplicates < 1000 && _random.Next(20) == 0)
        {
            _duplicates++;
        }
        else
        {
            _pending[i] = _pending[^1];
            _pending.RemoveAt(_pending.Count - 1);
        }

        Delivered++;
        var node = Nodes[to];
        if ((node.Apply(report) & ImpactChanges.Report) != 0) Send(node);
    }

    private void Send(ImpactNode node)
    {
        if (!_dependents.TryGetValue(node.Id, out var dependents)) return;
        var report = node.CreateReport();
        foreach (var d in dependents) _pending.Add((d, report));
    }
}
