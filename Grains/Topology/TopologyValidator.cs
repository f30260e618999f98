using ImpactMesh.Grains.Documents;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Topology;

/// <summary>Graph-level checks of a set of components: duplicate ids, relations to unknown components, cycles.</summary>
internal static class TopologyValidator
{
    /// <param name="components">The components of the graph as it would be after the change.</param>
    /// <param name="pathOf">The document path of a component (e.g. <c>components[3]</c>), or null for one the change does not write.</param>
    /// <param name="knownIds">Ids that exist besides <paramref name="components"/> (declared by components with other problems).</param>
    public static List<DocumentProblem> Validate(
        IReadOnlyList<ComponentDefinition> components,
        Func<int, string?> pathOf,
        IReadOnlySet<string> knownIds,
        DocumentProblems errors)
    {
        var firstIndex = new Dictionary<string, int>(components.Count, StringComparer.Ordinal);
        for (var i = 0; i < components.Count; i++)
        {
            if (!firstIndex.TryAdd(components[i].Id, i))
            {
                errors.Add(Join(pathOf(i) ?? "", "id"), $"duplicate id '{components[i].Id}' (first at {pathOf(firstIndex[components[i].Id]) ?? "the existing graph"})");
            }
        }

        var targets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < components.Count; i++)
        {
            var path = pathOf(i);
            if (path is null) continue;
            targets.Clear();
            var relations = components[i].DependsOn;
            for (var r = 0; r < relations.Length; r++)
            {
                var to = relations[r].Id;
                var relationPath = $"{Join(path, "dependsOn")}[{r}]";
                if (!firstIndex.ContainsKey(to) && !knownIds.Contains(to)) errors.Add(relationPath, $"unknown component '{to}'");
                else if (!targets.Add(to)) errors.Add(relationPath, $"depends on '{to}' more than once");
            }
        }

        var warnings = new List<DocumentProblem>();
        if (errors.Any) return warnings;
        foreach (var closing in DependencyCycles.Find(components))
        {
            var path = pathOf(firstIndex[closing.From]) ?? $"component '{closing.From}'";
            warnings.Add(new DocumentProblem(
                $"{Join(path, "dependsOn")}[{closing.RelationIndex}]",
                $"closes the dependency cycle {string.Join(" -> ", closing.Cycle)}; this relation does not propagate status"));
        }

        return warnings;
    }

    private static string Join(string path, string field) => ObjectReader.Join(path, field);
}
