using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Dashboard.Api;

/// <summary>Every component not Ok right now, worst first, and the root causes ranked by blast radius.</summary>
public sealed record ImpactResponse(
    ImmutableArray<IncidentComponent> Components,
    ImmutableArray<BlastRadius> RootCauses,
    DateTimeOffset? LastChangeAt);
