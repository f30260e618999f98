using System.Collections.Immutable;
using ImpactMesh.Grains.Components;
using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using Microsoft.Extensions.Logging;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Keeps one component's status changes of one day (see <see cref="IStatusHistoryGrain"/>). Every append is persisted and
/// the grain then leaves memory: components append every few minutes, and keeping a busy day's changes in memory between
/// appends would make a silo's memory grow with the day. Reads (SLA measurements, the timeline API) keep it for two idle
/// minutes. The first append of a day forgets the day that has just left the retention.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class StatusHistoryGrain(
    [PersistentState("statusHistory", StorageNames.State)] IPersistentState<StatusHistoryState> state,
    ILogger<StatusHistoryGrain> logger) : Grain, IStatusHistoryGrain
{
    private string Key => this.GetPrimaryKeyString();

    public async Task AppendAsync(ImmutableArray<StatusChange> changes)
    {
        var (component, day) = DayKey.Parse(Key);
        foreach (var change in changes)
        {
            if (change.At < day || change.At >= day.AddDays(1))
            {
                throw new ArgumentException($"The status change at {change.At:O} is not in the day of '{Key}'.", nameof(changes));
            }
        }

        // Whatever happens, the changes leave memory: after a failed write, the retry reads the stored day again.
        DeactivateOnIdle();
        var first = !state.RecordExists && state.State.Changes.Count == 0;
        var added = false;
        foreach (var change in changes) added |= StatusChanges.Insert(state.State.Changes, change);
        if (added)
        {
            try
            {
                await state.WriteStateAsync();
            }
            catch (Exception e)
            {
                LogPersistFailed(logger, Key, e);
                throw;
            }
        }

        if (first) await ForgetExpiredDayAsync(component, day);
    }

    public Task<ImmutableArray<StatusChange>> GetChangesAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult(StatusChanges.Between(state.State.Changes, from, to));

    public async Task ClearAsync()
    {
        if (state.RecordExists) await state.ClearStateAsync();
        state.State = new StatusHistoryState();
        DeactivateOnIdle();
    }

    private async Task ForgetExpiredDayAsync(string component, DateTimeOffset day)
    {
        try
        {
            await GrainReferences.Get<IStatusHistoryGrain>(GrainFactory, IMetricHistoryGrain.KeyOf(component, day.AddDays(-IMetricHistoryGrain.RetentionDays))).ClearAsync();
        }
        catch (Exception e)
        {
            LogForgetFailed(logger, Key, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status history {Key} could not persist its changes")]
    private static partial void LogPersistFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status history {Key} could not forget the day past the retention")]
    private static partial void LogForgetFailed(ILogger logger, string key, Exception exception);
}
