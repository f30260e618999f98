using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Topology;

/// <summary>The outcome of a change and the ids of the components whose relations it changed (added, altered or removed).</summary>
internal sealed record TopologyChange(TopologyUpdateResult Result, IReadOnlyList<string> Affected);
