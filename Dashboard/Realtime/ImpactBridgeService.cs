using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// Drives this silo's <see cref="ImpactBridge"/> once the host has started: subscribes it to the impact index and the SLA
/// feed and re-subscribes every <see cref="RealtimeOptions.ResubscribeInterval"/> (both forget silent observers), flushes
/// it every <see cref="RealtimeOptions.FlushInterval"/> (every <see cref="RealtimeOptions.BacklogInterval"/> while statuses
/// wait beyond a message), reads the watched components' metrics every
/// <see cref="RealtimeOptions.WatchInterval"/>, and checks the graph's version.
/// </summary>
internal sealed partial class ImpactBridgeService(
    ImpactBridge bridge,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<RealtimeOptions> options,
    [FromKeyedServices(ServiceKeys.Time)] TimeProvider time,
    ILogger<ImpactBridgeService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var observer = grains.CreateObjectReference<IImpactObserver>(bridge);
        var index = grains.GetGrain<IImpactIndexGrain>(IImpactIndexGrain.Key);
        var slaObserver = grains.CreateObjectReference<ISlaObserver>(bridge);
        var slaFeed = grains.GetGrain<ISlaFeedGrain>(ISlaFeedGrain.Key);
        try
        {
            var learned = false;
            await Task.WhenAll(
                RepeatAsync(async () =>
                {
                    await index.SubscribeAsync(observer);
                    if (!learned) await bridge.LearnStatusesAsync();
                    learned = true;
                }, options.Value.ResubscribeInterval, "subscribe to the impact index", stoppingToken),
                RepeatAsync(() => slaFeed.SubscribeAsync(slaObserver), options.Value.ResubscribeInterval, "subscribe to the SLA feed", stoppingToken),
                RepeatAsync(bridge.PollWatchedAsync, options.Value.WatchInterval, "read the watched components' metrics", stoppingToken),
                RepeatAsync(bridge.CheckTopologyAsync, options.Value.TopologyCheckInterval, "check the relation graph's version", stoppingToken),
                FlushAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await UnsubscribeAsync(() => index.UnsubscribeAsync(observer), "unsubscribe from the impact index");
            await UnsubscribeAsync(() => slaFeed.UnsubscribeAsync(slaObserver), "unsubscribe from the SLA feed");
            grains.DeleteObjectReference<IImpactObserver>(observer);
            grains.DeleteObjectReference<ISlaObserver>(slaObserver);
        }
    }

    private async Task UnsubscribeAsync(Func<Task> unsubscribe, string what)
    {
        try
        {
            await unsubscribe().WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(logger, what, e);
        }
    }

    private async Task FlushAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            // Statuses left waiting (a storm cut into messages) go in the next message at once, not a flush interval later.
            var backlog = bridge.Flush();
            await Task.Delay(backlog ? options.Value.BacklogInterval : options.Value.FlushInterval, time, stoppingToken);
        }
    }

    private async Task RepeatAsync(Func<Task> action, TimeSpan interval, string what, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = interval;
            try
            {
                await action();
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, what, e);
                wait = RetryInterval < interval ? RetryInterval : interval;
            }

            await Task.Delay(wait, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live feed: could not {What}; retrying")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}
