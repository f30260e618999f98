using System.ComponentModel.DataAnnotations;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>The live feed's pacing and bounds, from configuration section <c>ImpactMesh:Realtime</c>.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "ImpactMesh:Realtime";

    /// <summary>How often pending changes are sent to each connection (default 150 ms).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The most statuses in one message; the rest follow in the next flushes (default 1,000).</summary>
    [Range(1, 100_000)]
    public int MaxBatch { get; set; } = 1_000;

    /// <summary>
    /// About the most bytes of statuses in one message (default 256 KB; a message holds at least one): in a failure storm
    /// every status carries its root causes and paths, and 1,000 of them made 3.4 MB messages for the browser to parse at
    /// once. While statuses wait beyond a message, connections are flushed again every <see cref="BacklogInterval"/>.
    /// </summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxBatchBytes { get; set; } = 256 * 1024;

    /// <summary>How soon a connection with statuses still waiting is sent its next message (default 10 ms).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:05")]
    public TimeSpan BacklogInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The most components pending for one connection; past it the connection is told to take a fresh snapshot.</summary>
    [Range(1, 10_000_000)]
    public int MaxPending { get; set; } = 50_000;

    /// <summary>The most alerts pending for one connection; the oldest are dropped past it.</summary>
    [Range(1, 100_000)]
    public int MaxPendingAlerts { get; set; } = 200;

    /// <summary>How often the silo's observers re-subscribe to the impact index and the SLA feed (which forget them after 2 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:30")]
    public TimeSpan ResubscribeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the graph's version is checked, to tell clients when to take a fresh snapshot.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan TopologyCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the metrics of watched components are read from their grains (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most components one connection may watch at once (default 50).</summary>
    [Range(1, 1_000)]
    public int MaxWatched { get; set; } = 50;
}
