using ImpactMesh.Grains.Interfaces.ServiceLevels;
using Orleans.Metadata;
using Orleans.Streams;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Maps the stream of every SLA (namespace "sla", keyed by SLA id) to the one <see cref="SlaFeedGrain"/>
/// (key <see cref="ISlaFeedGrain.Key"/>), so that a single implicit subscriber sees every SLA's changes.
/// </summary>
public sealed class SlaFeedStreamIdMapper : IStreamIdMapper
{
    /// <summary>The name the mapper is registered under (a keyed <see cref="IStreamIdMapper"/> service).</summary>
    public const string Name = "impactmesh-sla-feed";

    private static readonly IdSpan FeedKey = IdSpan.Create(ISlaFeedGrain.Key);

    public IdSpan GetGrainKeyId(GrainBindings grainBindings, StreamId streamId) => FeedKey;
}
