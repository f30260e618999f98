namespace ImpactMesh.Grains.Components;

/// <summary>How components take metric samples, from configuration section <c>ImpactMesh:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "ImpactMesh:Metrics";

    /// <summary>A sample stamped further than this ahead of the server's clock is rejected.</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A sample older than its metric's last accepted one by more than this is rejected (late ones within it are taken).</summary>
    public TimeSpan OutOfOrderTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most metrics one component keeps (declared ones plus ones that simply arrive).</summary>
    public int MaxMetricsPerComponent { get; set; } = 64;

    /// <summary>
    /// Whether learned detector state (baselines, seasonality) is persisted so it survives a restart. On by default with
    /// Redis storage; off in embedded mode, where the in-memory store would only double the memory.
    /// </summary>
    public bool PersistDetectors { get; set; }

    /// <summary>
    /// The kinds of component whose metrics keep an hourly history (request counts and a value histogram per hour, in the
    /// metric history grains) for response-time and error-rate objectives of SLAs. Default: business services.
    /// </summary>
    public string[] HistoryForKinds { get; set; } = ["service"];

    /// <summary>
    /// How often a component writes the current hour of its metric history and its new status changes to their day grains.
    /// SLA measurements see response times and errors this late at most (status changes not yet written are read from the
    /// component itself). Longer than the history grains' two idle minutes, so between writes they leave memory.
    /// </summary>
    public TimeSpan HistoryFlushEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest a batch of samples entering a silo waits while impact propagation runs there (propagation goes first,
    /// <see cref="Impact.PropagationPriority"/>); zero lets samples in at once.
    /// </summary>
    public TimeSpan LongestWaitForPropagation { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often learned detector state is persisted when <see cref="PersistDetectors"/> is on.</summary>
    public TimeSpan PersistDetectorsEvery { get; set; } = TimeSpan.FromMinutes(5);
}
