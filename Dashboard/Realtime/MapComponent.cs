using System.Collections.Immutable;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>A node of the impact map: a component of the relation graph with the ids it depends on.</summary>
public sealed record MapComponent(
    string Id,
    string? Name,
    string Kind,
    ImmutableSortedDictionary<string, string> Tags,
    ImmutableArray<string> DependsOn);
