namespace ImpactMesh.Grains;

/// <summary>Names of the grain storage providers the silo configures (in memory by default, Redis when configured).</summary>
public static class StorageNames
{
    /// <summary>Persistent state of ImpactMesh grains: the relation graph, status timelines, SLAs.</summary>
    public const string State = "impactmesh";

    /// <summary>Orleans stream subscriptions.</summary>
    public const string PubSub = "PubSubStore";

    public static IReadOnlyList<string> All { get; } = [State, PubSub];
}
