using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.LoadTests.Load;

/// <summary>Where a run sends its samples and failures: grain calls in this process, or the public HTTP API.</summary>
internal interface ILoadTarget
{
    /// <summary>How the samples go, for the report ("in-process grain calls", "HTTP POST /api/metrics").</summary>
    string Description { get; }

    /// <summary>Sends batch <paramref name="index"/> of the run; returns how many of its samples were accepted.</summary>
    Task<int> SendAsync(long index);

    /// <summary>Sets (or with Ok clears) the load test's external status on a component.</summary>
    Task SetStatusAsync(string component, HealthStatus status);
}
