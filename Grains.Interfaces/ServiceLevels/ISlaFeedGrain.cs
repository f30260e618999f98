using System.Collections.Immutable;
using Orleans.Concurrency;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// The live standing of every SLA (key <see cref="Key"/>): it consumes every SLA's "sla" stream, keeps the latest
/// <see cref="SlaSummary"/> per SLA and forwards batched changes to its observers (each silo's live feed).
/// </summary>
[Alias("ImpactMesh.ISlaFeedGrain")]
public interface ISlaFeedGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>The latest summary of every SLA, ordered by id.</summary>
    [Alias("GetSummariesAsync"), ReadOnly]
    Task<ImmutableArray<SlaSummary>> GetSummariesAsync();

    /// <summary>Adds an observer for batched changes; observers re-subscribe periodically, unseen ones expire.</summary>
    [Alias("SubscribeAsync")]
    Task SubscribeAsync(ISlaObserver observer);

    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(ISlaObserver observer);
}
