using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.Impact;

/// <summary>Receives batches of impact changes (each silo's live feed to its SignalR hub).</summary>
[Alias("ImpactMesh.IImpactObserver")]
public interface IImpactObserver : IGrainObserver
{
    [Alias("OnImpactChangesAsync")]
    Task OnImpactChangesAsync(ImmutableArray<ImpactChange> changes);
}
