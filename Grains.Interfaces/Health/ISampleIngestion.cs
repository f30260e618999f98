using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Health;

/// <summary>
/// The way into a component's metrics for code running in a silo (the HTTP API, adapters, the demo feed): takes a batch of
/// samples as <see cref="Topology.IComponentGrain.RecordSamplesAsync"/> does, after any impact propagation running in
/// the silo (propagation goes first; the batch waits a few milliseconds at most).
/// </summary>
public interface ISampleIngestion
{
    Task<SampleBatchResult> RecordAsync(string component, ImmutableArray<MetricSample> samples);

    /// <summary>
    /// Completes when the silo takes samples without a wait. An adapter that pulls samples (from a queue, a scrape) awaits
    /// it before it pulls, so that while propagation runs the samples wait where they are rather than in the silo's memory.
    /// </summary>
    Task WhenReadyAsync();
}
