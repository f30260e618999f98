using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>What-if questions, answered on a snapshot of the graph and the live own statuses without touching live state.</summary>
[Alias("ImpactMesh.IImpactAnalysisGrain")]
public interface IImpactAnalysisGrain : IGrainWithIntegerKey
{
    /// <summary>Every component whose status would change if the given components had the given own statuses.</summary>
    [Alias("WhatIfAsync")]
    Task<WhatIfResult> WhatIfAsync(ImmutableDictionary<string, HealthStatus> assume);

    /// <summary>The single components that, failing alone, would change the service's status (and to what).</summary>
    [Alias("SinglePointsOfFailureAsync")]
    Task<ImmutableArray<SinglePointOfFailure>> SinglePointsOfFailureAsync(string serviceId);

    /// <summary>The current root causes ranked by blast radius: how many services each explains, weighted by their status.</summary>
    [Alias("RankRootCausesAsync")]
    Task<ImmutableArray<BlastRadius>> RankRootCausesAsync();
}
