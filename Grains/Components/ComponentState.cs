using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.Grains.Components;

/// <summary>
/// What a component grain persists: its newest status change and the changes its status history grains have not taken
/// yet, the days they hold, external statuses, maintenance and the hours of metric history its history grains have not
/// taken yet. Learned detectors are a record of their own (<see cref="ComponentDetectorsState"/>).
/// </summary>
[GenerateSerializer, Alias("ImpactMesh.ComponentState")]
public sealed class ComponentState
{
    /// <summary>
    /// Status changes not yet written to their day's <see cref="IStatusHistoryGrain"/>, in time order. (State written before
    /// status history grains held the whole, bounded timeline here; it is written out like any unwritten change.)
    /// </summary>
    [Id(0)] public List<StatusChange> UnwrittenChanges { get; set; } = [];

    [Id(1)] public List<ExternalStatus> Events { get; set; } = [];

    [Id(2)] public Maintenance? Maintenance { get; set; }

    /// <summary>
    /// Learned detectors as state written before they had a record of their own: read once, then moved to
    /// <see cref="ComponentDetectorsState"/>.
    /// </summary>
    [Id(3)] public Dictionary<string, MetricDetectorState>? Detectors { get; set; }

    /// <summary>Hours of metric history not yet written when the grain last persisted (written on its next activation).</summary>
    [Id(4)] public List<UnwrittenHour> UnwrittenHistory { get; set; } = [];

    /// <summary>The newest status change (by data time), written or not.</summary>
    [Id(5)] public StatusChange? LastChange { get; set; }

    /// <summary>The UTC days whose status history grains hold changes, oldest first, within the retention.</summary>
    [Id(6)] public List<DateOnly> HistoryDays { get; set; } = [];
}

/// <summary>
/// A component's learned detector state per metric, when <see cref="MetricsOptions.PersistDetectors"/> is on. A record of its
/// own (state name <c>detectors</c>), written every <see cref="MetricsOptions.PersistDetectorsEvery"/> and on deactivation,
/// and in memory only while it is read or written: the component state is written on every status change and stays in
/// memory with the grain, and a second copy of every detector there would double what the detectors cost.
/// </summary>
[GenerateSerializer, Alias("ImpactMesh.ComponentDetectorsState")]
public sealed class ComponentDetectorsState
{
    [Id(0)] public Dictionary<string, MetricDetectorState>? Detectors { get; set; }
}

/// <summary>An hour of one metric's history as one activation of the component (<see cref="Writer"/>) counted it.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.UnwrittenHour")]
public sealed record UnwrittenHour([property: Id(0)] string Metric, [property: Id(1)] string Writer, [property: Id(2)] MetricBucket Bucket);
