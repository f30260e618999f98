using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>The relation graph at one version as the map draws it, and the components a subscription covers.</summary>
internal sealed class TopologyView
{
    private readonly Dictionary<string, MapComponent> _byId;

    public TopologyView(TopologySnapshot snapshot)
    {
        Version = snapshot.Version;
        Components = [.. snapshot.Components.Select(c => new MapComponent(c.Id, c.Name, c.Kind, c.Tags, [.. c.DependsOn.Where(r => !r.Ignore).Select(r => r.Id)]))];
        _byId = Components.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public long Version { get; }

    public ImmutableArray<MapComponent> Components { get; }

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The ids a subscription covers, or null for everything.</summary>
    public IReadOnlySet<string>? Scope(ImpactSubscription subscription)
    {
        if (subscription.IsEverything) return null;
        IEnumerable<MapComponent> candidates = subscription.Service is { } service ? DependencyTree(service) : Components;
        if (subscription.Kind is { } kind) candidates = candidates.Where(c => string.Equals(c.Kind, kind, StringComparison.OrdinalIgnoreCase));
        if (subscription.Tag is { } tag)
        {
            var split = tag.IndexOf('=', StringComparison.Ordinal);
            var key = split < 0 ? tag : tag[..split];
            var value = split < 0 ? null : tag[(split + 1)..];
            candidates = candidates.Where(c => c.Tags.TryGetValue(key, out var v) && (value is null || string.Equals(v, value, StringComparison.OrdinalIgnoreCase)));
        }

        return candidates.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The component and everything it depends on, directly or not.</summary>
    private IEnumerable<MapComponent> DependencyTree(string root)
    {
        if (!_byId.TryGetValue(root, out var start)) yield break;
        var seen = new HashSet<string>(StringComparer.Ordinal) { root };
        var queue = new Queue<MapComponent>([start]);
        while (queue.TryDequeue(out var component))
        {
            yield return component;
            foreach (var id in component.DependsOn)
            {
                if (seen.Add(id) && _byId.TryGetValue(id, out var dependency)) queue.Enqueue(dependency);
            }
        }
    }
}
