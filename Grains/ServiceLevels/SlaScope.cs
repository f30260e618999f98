using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Resolves an SLA's service selector against the relation graph: the listed ids (even when not, or no longer, in the
/// graph: their timelines then say nothing is known) plus every component of kind <c>service</c> carrying all the tags.
/// </summary>
internal static class SlaScope
{
    public const string ServiceKind = "service";
    public const string OwnerTag = "owner";

    public static string[] Resolve(ServiceSelector selector, IEnumerable<ComponentDefinition> components)
    {
        var ids = new SortedSet<string>(selector.Ids.IsDefault ? [] : selector.Ids, StringComparer.Ordinal);
        if (selector.Tags.Count > 0)
        {
            foreach (var c in components)
            {
                if (string.Equals(c.Kind, ServiceKind, StringComparison.OrdinalIgnoreCase) && selector.Matches(c.Id, c.Tags)) ids.Add(c.Id);
            }
        }

        return [.. ids];
    }

    /// <summary>The metrics of <paramref name="services"/> measured in percent (unit "%"): error-rate objectives average their samples.</summary>
    public static HashSet<string> PercentMetrics(IEnumerable<string> services, IEnumerable<ComponentDefinition> components)
    {
        var wanted = services.ToHashSet(StringComparer.Ordinal);
        return components.Where(c => wanted.Contains(c.Id))
            .SelectMany(c => c.Metrics)
            .Where(m => m.Value.Unit == "%")
            .Select(m => m.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The owner tag of the first of <paramref name="services"/> that has one: the default owner of improvement items.</summary>
    public static string? Owner(IEnumerable<string> services, IEnumerable<ComponentDefinition> components)
    {
        var byId = components.ToDictionary(c => c.Id, StringComparer.Ordinal);
        return services.Select(s => byId.GetValueOrDefault(s)?.Tags.GetValueOrDefault(OwnerTag)).FirstOrDefault(o => o is not null);
    }
}
