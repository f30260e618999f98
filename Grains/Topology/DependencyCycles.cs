using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Topology;

/// <summary>
/// Finds the relations that close dependency cycles. A depth-first walk from every component in ordinal id order,
/// following <c>dependsOn</c> in written order, marks a relation as cycle-closing when it leads back to a component on the
/// current path. Those relations are reported as warnings and do not propagate status, so propagation always terminates
/// and the result is the same for the same graph whatever order it was written in.
/// </summary>
internal static class DependencyCycles
{
    /// <summary>A relation <c>From -&gt; To</c> that closes the cycle <see cref="Cycle"/> (starting and ending at To).</summary>
    internal sealed record ClosingRelation(string From, string To, int RelationIndex, IReadOnlyList<string> Cycle);

    public static IReadOnlyList<ClosingRelation> Find(IReadOnlyCollection<ComponentDefinition> components)
    {
        var byId = new Dictionary<string, ComponentDefinition>(components.Count, StringComparer.Ordinal);
        foreach (var c in components) byId[c.Id] = c;

        // 0 = unvisited, 1 = on the current path, 2 = done.
        var state = new Dictionary<string, byte>(components.Count, StringComparer.Ordinal);
        var path = new List<string>();
        var found = new List<ClosingRelation>();
        var stack = new Stack<(string Id, int Next)>();

        foreach (var root in byId.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(root) != 0) continue;
            stack.Push((root, 0));
            state[root] = 1;
            path.Add(root);
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                var deps = byId[id].DependsOn;
                if (next >= deps.Length)
                {
                    state[id] = 2;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                stack.Push((id, next + 1));
                var to = deps[next].Id;
                if (!byId.ContainsKey(to)) continue;
                switch (state.GetValueOrDefault(to))
                {
                    case 0:
                        state[to] = 1;
                        path.Add(to);
                        stack.Push((to, 0));
                        break;
                    case 1:
                        var start = path.LastIndexOf(to);
                        found.Add(new ClosingRelation(id, to, next, [.. path.Skip(start), to]));
                        break;
                }
            }
        }

        return found;
    }
}
