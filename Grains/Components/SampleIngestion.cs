using System.Collections.Immutable;
using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Components;

/// <summary>Hands samples to their component grain once the silo's <see cref="PropagationPriority"/> lets them in.</summary>
public sealed class SampleIngestion(IGrainFactory grains, PropagationPriority priority) : ISampleIngestion
{
    public Task<SampleBatchResult> RecordAsync(string component, ImmutableArray<MetricSample> samples)
    {
        // The hot path of ingestion: with no propagation running, the call goes out without an await of its own.
        var quiet = priority.WhenQuietAsync();
        var grain = GrainReferences.Get<IComponentGrain>(grains, component);
        return quiet.IsCompleted ? grain.RecordSamplesAsync(samples) : RecordWhenQuietAsync(quiet, grain, samples);
    }

    public Task WhenReadyAsync() => priority.WhenQuietAsync();

    private static async Task<SampleBatchResult> RecordWhenQuietAsync(Task quiet, IComponentGrain grain, ImmutableArray<MetricSample> samples)
    {
        await quiet;
        return await grain.RecordSamplesAsync(samples);
    }
}
