using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.LoadTests.Estate;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Samples as in-process grain calls through the silo's <see cref="ISampleIngestion"/>, the path an adapter in the silo
/// takes; with <c>emptyWork</c> each call carries no samples, the baseline cost of a plain batched grain call.
/// </summary>
internal sealed class GrainTarget(IGrainFactory grains, ISampleIngestion ingestion, SampleBatches batches, TimeProvider time, bool emptyWork = false) : ILoadTarget
{
    public string Description => emptyWork ? "in-process grain calls with no samples (baseline)" : "in-process grain calls (sample ingestion, RecordSamplesAsync)";

    public async Task<int> SendAsync(long index)
    {
        var component = batches.ComponentOf(index);
        if (emptyWork)
        {
            await ingestion.RecordAsync(component, []);
            return batches.BatchSize;
        }

        // As an adapter pulling from a queue: the batch is read once the silo takes samples (while propagation runs it
        // waits in the queue), and its latency still counts from its intended time.
        await ingestion.WhenReadyAsync();
        var result = await ingestion.RecordAsync(component, batches.Samples(index, time.GetUtcNow()));
        return result.Accepted;
    }

    public async Task SendProbeAsync(string component, bool failed)
    {
        var result = await ingestion.RecordAsync(component, [new MetricSample(EstateGenerator.ProbeMetric, failed ? 1 : 0, time.GetUtcNow())]);
        if (result.Accepted != 1) throw new InvalidOperationException($"the probe sample for '{component}' was not accepted");
    }

    public Task<WhatIfResult> WhatIfCriticalAsync(string component) =>
        grains.GetGrain<IImpactAnalysisGrain>(0).WhatIfAsync(ImmutableDictionary<string, HealthStatus>.Empty.Add(component, HealthStatus.Critical));
}
