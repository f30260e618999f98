using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Dashboard.Api;

/// <summary>The whole relation graph, in the same form a <c>PUT /api/topology</c> takes.</summary>
public sealed record TopologyResponse(long Version, DateTimeOffset? UpdatedAt, ImmutableArray<ComponentDefinition> Components);
