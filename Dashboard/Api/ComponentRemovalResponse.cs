using System.Collections.Immutable;

namespace ImpactMesh.Dashboard.Api;

/// <summary>A removed component and the dependents whose relations to it were detached.</summary>
public sealed record ComponentRemovalResponse(string Id, long Version, ImmutableArray<string> DetachedDependents);
