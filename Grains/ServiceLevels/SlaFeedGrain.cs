using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using Orleans.Utilities;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Consumes every SLA's "sla" stream (implicit subscription; <see cref="SlaFeedStreamIdMapper"/> maps each SLA's stream
/// to this one grain), keeps the latest summary per SLA and forwards the changed ones to its observers in batches,
/// flushed every <see cref="FlushInterval"/>. It learns the summaries of every SLA from the registry when it activates.
/// A slow or dead observer is dropped, never waited for.
/// </summary>
[ImplicitStreamSubscription(StreamNames.SlaNamespace, SlaFeedStreamIdMapper.Name)]
public sealed partial class SlaFeedGrain(ILogger<SlaFeedGrain> logger) : Grain, ISlaFeedGrain, IStreamSubscriptionObserver
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, SlaSummary> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlaSummary> _pending = new(StringComparer.Ordinal);
    private readonly ObserverManager<ISlaObserver> _observers = new(TimeSpan.FromMinutes(2), logger);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var summary in await GrainFactory.GetGrain<ISlaRegistryGrain>(ISlaRegistryGrain.Key).GetSummariesAsync()) Keep(summary);
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = true, KeepAlive = true });
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<SlaSummary>().ResumeAsync(OnNextAsync);

    public Task<ImmutableArray<SlaSummary>> GetSummariesAsync() =>
        Task.FromResult<ImmutableArray<SlaSummary>>([.. _latest.Values.OrderBy(s => s.Id, StringComparer.Ordinal)]);

    public Task SubscribeAsync(ISlaObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(ISlaObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private Task OnNextAsync(SlaSummary summary, StreamSequenceToken? token)
    {
        if (Keep(summary) && _observers.Count > 0) _pending[summary.Id] = summary;
        return Task.CompletedTask;
    }

    /// <summary>Keeps <paramref name="summary"/> unless a later one of the same SLA is known; true when kept.</summary>
    private bool Keep(SlaSummary summary)
    {
        if (_latest.TryGetValue(summary.Id, out var known) && known.At > summary.At) return false;
        _latest[summary.Id] = summary;
        return true;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0) return;
        ImmutableArray<SlaSummary> batch = [.. _pending.Values];
        _pending.Clear();
        try
        {
            await _observers.Notify(o => o.OnSlaChangesAsync(batch));
        }
        catch (Exception e)
        {
            LogNotifyFailed(logger, batch.Length, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forward {Count} SLA summaries to every observer")]
    private static partial void LogNotifyFailed(ILogger logger, int count, Exception exception);
}
