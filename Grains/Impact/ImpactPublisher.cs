using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Impact;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// Puts this silo's impact changes on the impact stream: component grains hand each change here (<see cref="Publish"/>,
/// which never waits) and it goes out in order, batched with the others that arrived meanwhile, so a failure storm or a
/// large topology load becomes a few stream events instead of one per change, and no component grain waits for the stream.
/// Sending is retried while the stream cannot take more (the in-memory queue is bounded); on shutdown the rest is sent
/// for up to the silo's stop time-out.
/// </summary>
public sealed partial class ImpactPublisher : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    /// <summary>The most changes in one stream event.</summary>
    public const int MaxBatch = 1_000;

    /// <summary>
    /// The most (estimated) bytes in one stream event: the in-memory stream's cache keeps each event in one 1 MB block and
    /// cannot take a larger one, so batches stay well below it.
    /// </summary>
    public const int MaxBatchBytes = 256 * 1024;

    private static readonly TimeSpan[] Backoff =
        [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    private readonly IClusterClient _client;
    private readonly ILogger<ImpactPublisher> _logger;
    private readonly Lazy<OrderedBatchSender<ImpactChange>> _sender;

    public ImpactPublisher(IClusterClient client, ILogger<ImpactPublisher> logger)
    {
        _client = client;
        _logger = logger;
        _sender = new Lazy<OrderedBatchSender<ImpactChange>>(() =>
        {
            var stream = _client.GetStreamProvider(StreamNames.Provider).GetStream<ImmutableArray<ImpactChange>>(StreamNames.Impact);
            return new OrderedBatchSender<ImpactChange>((batch, _) => stream.OnNextAsync(batch), OnFailed, MaxBatch, Backoff, EstimatedBytes, MaxBatchBytes);
        });
    }

    /// <summary>Changes handed over and not yet on the stream.</summary>
    public int Backlog => _sender.IsValueCreated ? _sender.Value.Backlog : 0;

    public void Publish(ImpactChange change)
    {
        if (!_sender.Value.TryAdd(change)) LogDropped(_logger, change.Component);
    }

    void ILifecycleParticipant<ISiloLifecycle>.Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ImpactPublisher), ServiceLifecycleStage.Active, _ => Task.CompletedTask, StopAsync);

    public async ValueTask DisposeAsync()
    {
        if (_sender.IsValueCreated) await _sender.Value.DisposeAsync();
    }

    private Task StopAsync(CancellationToken cancellationToken) =>
        _sender.IsValueCreated ? _sender.Value.StopAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>An upper estimate of a change's serialized size: its strings (ids are ASCII) with room for the field headers.</summary>
    internal static int EstimatedBytes(ImpactChange change)
    {
        var bytes = 96 + change.Component.Length + change.Kind.Length + (change.Reason.Length * 3);
        foreach (var cause in change.RootCauses)
        {
            bytes += 16 + cause.Id.Length;
            foreach (var id in cause.Path) bytes += 4 + id.Length;
        }

        return bytes;
    }

    private void OnFailed(Exception exception, int attempt)
    {
        if (attempt <= 3) LogRetry(_logger, attempt, exception.Message);
        else LogFailing(_logger, attempt, Backlog, exception);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The silo is stopping: an impact change of {Component} was not published")]
    private static partial void LogDropped(ILogger logger, string component);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retrying a batch of impact changes (attempt {Attempt}): {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The impact stream keeps refusing a batch of impact changes (attempt {Attempt}, {Backlog} more waiting)")]
    private static partial void LogFailing(ILogger logger, int attempt, int backlog, Exception exception);
}
