using Orleans.Concurrency;

namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>
/// The IT relation DB: the single source of truth for the relation graph (key <see cref="Key"/>).
/// It validates every change as a whole, keeps the graph and tells each component grain its part.
/// </summary>
[Alias("ImpactMesh.ITopologyGrain")]
public interface ITopologyGrain : IGrainWithStringKey
{
    public const string Key = "default";

    /// <summary>Replaces the whole graph with a document; nothing is applied when it has errors.</summary>
    [Alias("ReplaceAsync")]
    Task<TopologyUpdateResult> ReplaceAsync(string document, DocumentFormat format);

    /// <summary>Adds or replaces one component, written as a single component document.</summary>
    [Alias("UpsertComponentAsync")]
    Task<TopologyUpdateResult> UpsertComponentAsync(string id, string document, DocumentFormat format);

    /// <summary>Removes a component; when others depend on it, only with <paramref name="force"/>, which detaches them.</summary>
    [Alias("RemoveComponentAsync")]
    Task<ComponentRemovalResult> RemoveComponentAsync(string id, bool force);

    [Alias("GetSnapshotAsync")]
    Task<TopologySnapshot> GetSnapshotAsync();

    /// <summary>The graph's version: it grows with every applied change.</summary>
    [Alias("GetVersionAsync"), AlwaysInterleave]
    Task<long> GetVersionAsync();

    /// <summary>The component with its relations in both directions, or null when unknown.</summary>
    [Alias("GetComponentAsync"), AlwaysInterleave]
    Task<ComponentRelations?> GetComponentAsync(string id);
}
