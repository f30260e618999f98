using ImpactMesh.Grains.Hosting;
using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Impact;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using Orleans.Utilities;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// Consumes the impact stream (implicit subscription; each event a batch of changes in the order they happened) into an <see cref="ImpactIndex"/>, and forwards the changes to its
/// observers in batches: flushed every <see cref="FlushInterval"/>, keeping only the latest change per component, so a
/// storm of changes becomes a few messages. A slow or dead observer is dropped, never waited for.
/// </summary>
[ImplicitStreamSubscription(StreamNames.ImpactNamespace)]
public sealed partial class ImpactIndexGrain(
    [PersistentState("impact-index", StorageNames.State)] IPersistentState<ImpactIndexState> state,
    StateDurability durability,
    ILogger<ImpactIndexGrain> logger) : Grain, IImpactIndexGrain, IStreamSubscriptionObserver
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PersistInterval = TimeSpan.FromSeconds(1);

    private ImpactIndex _index = null!;
    private bool _dirty;
    private readonly Dictionary<string, ImpactChange> _pending = new(StringComparer.Ordinal);
    private readonly ObserverManager<IImpactObserver> _observers = new(TimeSpan.FromMinutes(2), logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The index is what /api/impact and what-if read: it stays active, and survives a move to another silo through storage.
        _index = new ImpactIndex(state.State.Components, state.State.LastChangeAt);
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = true, KeepAlive = true });
        this.RegisterGrainTimer(PersistAsync, new GrainTimerCreationOptions(PersistInterval, PersistInterval) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        durability.WorthWriting(reason) ? PersistAsync(cancellationToken) : Task.CompletedTask;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<ImmutableArray<ImpactChange>>().ResumeAsync(OnNextAsync);

    public Task<ImpactOverview> GetOverviewAsync() => Task.FromResult(_index.Overview());

    public Task<OwnStatuses> GetOwnStatusesAsync() => Task.FromResult(_index.OwnStatuses());

    public Task SubscribeAsync(IImpactObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IImpactObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private Task OnNextAsync(ImmutableArray<ImpactChange> changes, StreamSequenceToken? token)
    {
        foreach (var change in changes)
        {
            _index.Apply(change);
            if (_observers.Count > 0) _pending[change.Component] = change;
        }

        _dirty = true;
        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0) return;
        ImmutableArray<ImpactChange> batch = [.. _pending.Values.OrderBy(c => c.At)];
        _pending.Clear();
        try
        {
            await _observers.Notify(o => o.OnImpactChangesAsync(batch));
        }
        catch (Exception e)
        {
            LogNotifyFailed(logger, batch.Length, e);
        }
    }

    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        if (!_dirty || !durability.WorthWritingNow) return;
        _dirty = false;
        state.State = new ImpactIndexState { Components = [.. _index.Components], LastChangeAt = _index.LastChangeAt };
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _dirty = true;
            LogPersistFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not persist the impact index; retrying")]
    private static partial void LogPersistFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forward {Count} impact changes to every observer")]
    private static partial void LogNotifyFailed(ILogger logger, int count, Exception exception);
}
