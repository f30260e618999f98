using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Samples as in-process grain calls (<see cref="IComponentGrain.RecordSamplesAsync"/>), the path an adapter in the silo
/// takes; with <c>emptyWork</c> each call carries no samples, the baseline cost of a plain batched grain call.
/// </summary>
internal sealed class GrainTarget(IGrainFactory grains, SampleBatches batches, TimeProvider time, bool emptyWork = false) : ILoadTarget
{
    public const string Source = "load-test";

    public string Description => emptyWork ? "in-process grain calls with no samples (baseline)" : "in-process grain calls (RecordSamplesAsync)";

    public async Task<int> SendAsync(long index)
    {
        var grain = grains.GetGrain<IComponentGrain>(batches.ComponentOf(index));
        if (emptyWork)
        {
            await grain.RecordSamplesAsync([]);
            return batches.BatchSize;
        }

        var result = await grain.RecordSamplesAsync(batches.Samples(index, time.GetUtcNow()));
        return result.Accepted;
    }

    public async Task SetStatusAsync(string component, HealthStatus status)
    {
        var recorded = await grains.GetGrain<IComponentGrain>(component)
            .RecordEventAsync(new ExternalStatus(Source, status, "injected by the load test", time.GetUtcNow(), null));
        if (!recorded) throw new InvalidOperationException($"component '{component}' is not in the graph");
    }

    public static ImmutableDictionary<string, HealthStatus> Assume(string component, HealthStatus status) =>
        ImmutableDictionary<string, HealthStatus>.Empty.Add(component, status);
}
