using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// One component's status changes of one UTC day (key <c>"{componentId}|{yyyy-MM-dd}"</c>, see
/// <see cref="IMetricHistoryGrain.KeyOf"/>), kept for <see cref="IMetricHistoryGrain.RetentionDays"/> days of data time. The
/// component writes its new changes every few minutes and reads them back for its timeline; SLAs measure availability
/// from that timeline, so it must be complete, not just recent.
/// </summary>
[Alias("ImpactMesh.IStatusHistoryGrain")]
public interface IStatusHistoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds changes of this grain's day, in time order; a change already held (same time, status and reason) is not added
    /// again, so a resend is harmless. A change outside the day is refused with an <see cref="ArgumentException"/>.
    /// </summary>
    [Alias("AppendAsync")]
    Task AppendAsync(ImmutableArray<StatusChange> changes);

    /// <summary>The day's changes in [from, to), oldest first, preceded by its last change before <paramref name="from"/>.</summary>
    [Alias("GetChangesAsync")]
    Task<ImmutableArray<StatusChange>> GetChangesAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Forgets the day (past the retention).</summary>
    [Alias("ClearAsync")]
    Task ClearAsync();
}
