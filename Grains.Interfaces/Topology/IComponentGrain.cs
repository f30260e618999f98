using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using Orleans.Concurrency;

namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>
/// One service or infrastructure component, keyed by its id: its place in the graph, its own health (metrics and
/// external events), and its status derived from what it depends on, which it passes on to its dependents.
/// </summary>
[Alias("ImpactMesh.IComponentGrain")]
public interface IComponentGrain : IGrainWithStringKey
{
    /// <summary>Gives the component its place in the graph; null when it was removed.</summary>
    [Alias("ConfigureAsync")]
    Task ConfigureAsync(ComponentRelations? relations);

    /// <summary>The component's place in the graph as this grain knows it, or null when it is not in the graph.</summary>
    [Alias("GetRelationsAsync")]
    Task<ComponentRelations?> GetRelationsAsync();

    /// <summary>
    /// Takes a batch of metric samples in one call (the hot path of ingestion, also for adapters calling the grain
    /// directly): each updates its metric's rolling statistics, adaptive threshold and health.
    /// </summary>
    [Alias("RecordSamplesAsync")]
    Task<SampleBatchResult> RecordSamplesAsync(ImmutableArray<MetricSample> samples);

    /// <summary>A dependency's new status (one-way: propagation never waits for dependents, so cycles cannot deadlock).</summary>
    [Alias("ApplyReportAsync"), OneWay]
    Task ApplyReportAsync(ImpactReport report);

    /// <summary>The status this component passes to its dependents now (a dependent that activates asks for it).</summary>
    [Alias("GetReportAsync"), AlwaysInterleave]
    Task<ImpactReport?> GetReportAsync();

    /// <summary>Status, reasons, root causes and recent history; null when the component is not in the graph.</summary>
    [Alias("GetHealthAsync")]
    Task<ComponentHealth?> GetHealthAsync();

    /// <summary>The status timeline (data time) overlapping [from, to).</summary>
    [Alias("GetTimelineAsync")]
    Task<ImmutableArray<StatusChange>> GetTimelineAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Sets (or with Ok clears) the external status of one source; false when the component is not in the graph.</summary>
    [Alias("RecordEventAsync")]
    Task<bool> RecordEventAsync(ExternalStatus status);

    /// <summary>Puts the component in maintenance, or takes it out with null; false when the component is not in the graph.</summary>
    [Alias("SetMaintenanceAsync")]
    Task<bool> SetMaintenanceAsync(Maintenance? maintenance);
}
