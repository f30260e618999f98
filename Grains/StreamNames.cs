using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Grains;

/// <summary>The Orleans streams of ImpactMesh.</summary>
public static class StreamNames
{
    /// <summary>The stream provider (in-memory streams).</summary>
    public const string Provider = "impactmesh";

    /// <summary>The namespace of the impact stream: every <c>ImpactChange</c>, on the one stream keyed <see cref="IImpactIndexGrain.Key"/>.</summary>
    public const string ImpactNamespace = "impact";

    public static StreamId Impact { get; } = StreamId.Create(ImpactNamespace, IImpactIndexGrain.Key);

    /// <summary>
    /// The namespace of the SLA streams: one stream per SLA (keyed by its id) carrying an <c>SlaSummary</c> whenever the
    /// SLA's state, version, standing outcome, firing alerts or open improvement items change.
    /// </summary>
    public const string SlaNamespace = "sla";

    public static StreamId Sla(string slaId) => StreamId.Create(SlaNamespace, slaId);
}
