using System.Collections.Immutable;
using System.Threading.Channels;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// Sends items in the order they were added, in batches of at most <c>maxBatch</c> items and <c>maxWeight</c> (by
/// <c>weigh</c>; a single heavier item goes alone): whatever arrived while the previous batch was being sent goes in the next one, so a quiet flow costs no delay and a storm becomes a few batches. A failed
/// send is retried (the same batch, after <c>backoff</c>, the last delay repeating) until it succeeds or the sender stops.
/// Adding never blocks and never waits for a send.
/// </summary>
internal sealed class OrderedBatchSender<T> : IAsyncDisposable
{
    private readonly Channel<T> _items = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<ImmutableArray<T>, CancellationToken, Task> _send;
    private readonly Action<Exception, int> _failed;
    private readonly int _maxBatch;
    private readonly Func<T, int> _weigh;
    private readonly int _maxWeight;
    private readonly IReadOnlyList<TimeSpan> _backoff;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _disposed;

    /// <param name="send">Sends one batch.</param>
    /// <param name="failed">Told of every failed send with the number of the attempt (1 = first).</param>
    public OrderedBatchSender(Func<ImmutableArray<T>, CancellationToken, Task> send, Action<Exception, int> failed, int maxBatch,
        IReadOnlyList<TimeSpan> backoff, Func<T, int>? weigh = null, int maxWeight = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWeight, 1);
        _weigh = weigh ?? (_ => 0);
        _maxWeight = maxWeight;
        if (backoff.Count == 0) throw new ArgumentException("At least one retry delay is needed.", nameof(backoff));
        _send = send;
        _failed = failed;
        _maxBatch = maxBatch;
        _backoff = backoff;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Items added and not yet sent (approximate while a batch is in flight).</summary>
    public int Backlog => _items.Reader.Count;

    /// <summary>Queues <paramref name="item"/>; false once the sender is stopping.</summary>
    public bool TryAdd(T item) => _items.Writer.TryWrite(item);

    /// <summary>Stops taking items and sends what is left; after <paramref name="cancellationToken"/> fires, gives up on the rest.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _items.Writer.TryComplete();
        await using (cancellationToken.Register(_stopping.Cancel))
        {
            await _loop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _items.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = _items.Reader;
        var batch = ImmutableArray.CreateBuilder<T>(_maxBatch);
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                var weight = 0;
                while (batch.Count < _maxBatch && reader.TryPeek(out var item))
                {
                    weight += _weigh(item);
                    if (batch.Count > 0 && weight > _maxWeight) break;
                    reader.TryRead(out _);
                    batch.Add(item);
                }

                await SendAsync(batch.DrainToImmutable());
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped: whatever is left is given up.
        }
    }

    private async Task SendAsync(ImmutableArray<T> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _send(batch, _stopping.Token);
                return;
            }
            catch (Exception e)
            {
                if (_stopping.IsCancellationRequested) return;
                _failed(e, attempt);
                await Task.Delay(_backoff[Math.Min(attempt, _backoff.Count) - 1], _stopping.Token);
            }
        }
    }
}
