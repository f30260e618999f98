using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.LoadTests.Load;

/// <summary>Where a run sends its samples and failures: grain calls in this process, or the public HTTP API.</summary>
internal interface ILoadTarget
{
    /// <summary>How the samples go, for the report ("in-process grain calls", "HTTP POST /api/metrics").</summary>
    string Description { get; }

    /// <summary>Sends batch <paramref name="index"/> of the run; returns how many of its samples were accepted.</summary>
    Task<int> SendAsync(long index);

    /// <summary>
    /// Sends one sample of the estate's probe metric (<see cref="Estate.EstateGenerator.ProbeMetric"/>) to a leaf:
    /// <paramref name="failed"/> makes it Critical, otherwise Ok again.
    /// </summary>
    Task SendProbeAsync(string component, bool failed);

    /// <summary>Every component whose status would change if <paramref name="component"/> were Critical (the what-if).</summary>
    Task<WhatIfResult> WhatIfCriticalAsync(string component);
}
