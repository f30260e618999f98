namespace ImpactMesh.Silo.Hosting;

/// <summary>
/// How the silo runs, from configuration section <c>ImpactMesh</c> (environment variables <c>ImpactMesh__Redis</c>,
/// or <c>IMPACTMESH_REDIS</c> for the Redis connection string).
/// </summary>
public sealed class SiloOptions
{
    public const string Section = "ImpactMesh";

    /// <summary>
    /// A StackExchange.Redis connection string (e.g. <c>127.0.0.1:6379</c>). When set, the silo uses Redis for cluster
    /// membership and grain storage, so several silos form one cluster and state survives restarts. When empty, the
    /// silo runs embedded: one silo, localhost clustering, in-memory storage.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// A topology document loaded at start when the relation graph is empty (default: the sample estate in embedded mode,
    /// nothing with Redis). Set to an empty string to start with an empty graph.
    /// </summary>
    public string? SampleTopology { get; set; }

    /// <summary>
    /// Sends simulated samples to the declared metrics so the demo estate comes alive (see <see cref="DemoFeed"/>).
    /// On in appsettings.json for the embedded default; never used with Redis.
    /// </summary>
    public bool DemoFeed { get; set; }

    /// <summary>
    /// A folder whose SLA documents (file names containing "sla": .yaml, .yml, .json) are loaded at start when no SLA
    /// exists (default: <c>samples</c> in embedded mode, nothing with Redis). Set to an empty string to start without SLAs.
    /// </summary>
    public string? SampleSlas { get; set; }

    /// <summary>
    /// Whether the Orleans dashboard (<c>/dashboard</c>) times every grain call for its per-method view. Off by default:
    /// its filter runs on every call (an invoker and an await per call, even while nobody looks), which costs the hot paths
    /// of ingestion and propagation. Turn it on to diagnose.
    /// </summary>
    public bool ProfileGrainCalls { get; set; }
}
