using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Dashboard.Api;

/// <summary>A component with its relations in both directions and, when asked, its health.</summary>
public sealed record ComponentResponse(
    string Id,
    string? Name,
    string Kind,
    ImmutableSortedDictionary<string, string> Tags,
    ImmutableArray<Relation> DependsOn,
    ImmutableArray<Relation> Dependents,
    StatusRule? Rule,
    ImmutableSortedDictionary<string, MetricSettings> Metrics,
    long TopologyVersion,
    ComponentHealth? Health)
{
    public static ComponentResponse From(ComponentRelations relations, ComponentHealth? health)
    {
        var d = relations.Definition;
        return new ComponentResponse(d.Id, d.Name, d.Kind, d.Tags, d.DependsOn, relations.Dependents, d.Rule, d.Metrics, relations.Version, health);
    }
}
