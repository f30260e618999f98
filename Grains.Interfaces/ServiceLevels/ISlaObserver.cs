using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>Receives batches of SLA summaries whose standing changed (each silo's live feed to its SignalR hub).</summary>
[Alias("ImpactMesh.ISlaObserver")]
public interface ISlaObserver : IGrainObserver
{
    [Alias("OnSlaChangesAsync")]
    Task OnSlaChangesAsync(ImmutableArray<SlaSummary> summaries);
}
