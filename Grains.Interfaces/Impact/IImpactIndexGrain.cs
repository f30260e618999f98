using Orleans.Concurrency;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>
/// The live impact of the whole estate (key <see cref="Key"/>): it consumes the impact stream, knows every component
/// that is not Ok, ranks root causes, and forwards batched changes to its observers.
/// </summary>
[Alias("ImpactMesh.IImpactIndexGrain")]
public interface IImpactIndexGrain : IGrainWithStringKey
{
    public const string Key = "all";

    [Alias("GetOverviewAsync"), ReadOnly]
    Task<ImpactOverview> GetOverviewAsync();

    [Alias("GetOwnStatusesAsync"), ReadOnly]
    Task<OwnStatuses> GetOwnStatusesAsync();

    /// <summary>Adds an observer for batched changes; observers re-subscribe periodically, unseen ones expire.</summary>
    [Alias("SubscribeAsync")]
    Task SubscribeAsync(IImpactObserver observer);

    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IImpactObserver observer);
}
