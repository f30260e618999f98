using System.Collections.Concurrent;
using System.Collections.Immutable;
using ImpactMesh.Grains.Impact;

namespace ImpactMesh.Grains.Tests.Impact;

public sealed class OrderedBatchSenderTests
{
    private static readonly TimeSpan[] NoWait = [TimeSpan.FromMilliseconds(1)];

    [Fact]
    public async Task Items_AddedWhileASendIsUnderWay_GoInOrderInBoundedBatches()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new ConcurrentQueue<ImmutableArray<int>>();
        await using var sender = new OrderedBatchSender<int>(async (batch, _) =>
        {
            batches.Enqueue(batch);
            await gate.Task;
        }, (_, _) => { }, maxBatch: 100, NoWait);

        Assert.True(sender.TryAdd(0));
        await WaitUntilAsync(() => batches.Count == 1);
        for (var i = 1; i < 250; i++) Assert.True(sender.TryAdd(i));
        gate.SetResult();
        await sender.StopAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 250), batches.SelectMany(b => b));
        Assert.Equal([1, 100, 100, 49], batches.Select(b => b.Length));
    }

    [Fact]
    public async Task Batches_StayWithinTheWeight_AndAHeavierItemGoesAlone()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new ConcurrentQueue<ImmutableArray<int>>();
        await using var sender = new OrderedBatchSender<int>(async (batch, _) =>
        {
            batches.Enqueue(batch);
            await gate.Task;
        }, (_, _) => { }, maxBatch: 100, NoWait, weigh: item => item, maxWeight: 10);

        sender.TryAdd(1);
        await WaitUntilAsync(() => batches.Count == 1);
        foreach (var item in new[] { 4, 5, 2, 30, 3, 3, 3, 3 }) sender.TryAdd(item);
        gate.SetResult();
        await sender.StopAsync(CancellationToken.None);

        Assert.Equal([[1], [4, 5], [2], [30], [3, 3, 3], [3]], batches.Select(b => b.ToArray()));
    }

    [Fact]
    public async Task FailedSend_IsRetriedWithTheSameBatch_AndReported()
    {
        var attempts = new List<int>();
        var sent = new ConcurrentQueue<ImmutableArray<string>>();
        var calls = 0;
        await using var sender = new OrderedBatchSender<string>((batch, _) =>
        {
            if (++calls <= 2) throw new InvalidOperationException("queue full");
            sent.Enqueue(batch);
            return Task.CompletedTask;
        }, (e, attempt) =>
        {
            Assert.Equal("queue full", e.Message);
            attempts.Add(attempt);
        }, maxBatch: 10, NoWait);

        sender.TryAdd("a");
        await sender.StopAsync(CancellationToken.None);

        Assert.Equal([1, 2], attempts);
        Assert.Equal(["a"], Assert.Single(sent));
    }

    [Fact]
    public async Task Stop_SendsWhatIsLeft_ThenRefusesNewItems()
    {
        var sent = new ConcurrentQueue<int>();
        var sender = new OrderedBatchSender<int>((batch, _) =>
        {
            foreach (var item in batch) sent.Enqueue(item);
            return Task.CompletedTask;
        }, (_, _) => { }, maxBatch: 3, NoWait);

        for (var i = 0; i < 10; i++) sender.TryAdd(i);
        await sender.StopAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 10), sent);
        Assert.False(sender.TryAdd(10));
        await sender.DisposeAsync();
    }

    [Fact]
    public async Task Stop_GivesUpOnASendThatKeepsFailing_WhenItsTokenFires_AndDisposingTwiceIsHarmless()
    {
        var sender = new OrderedBatchSender<int>((_, _) => throw new InvalidOperationException("down"), (_, _) => { }, maxBatch: 10, NoWait);
        sender.TryAdd(1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await sender.StopAsync(timeout.Token);

        Assert.True(timeout.IsCancellationRequested);
        await sender.DisposeAsync();
        await sender.DisposeAsync();
    }

    [Fact]
    public async Task Stop_ASendFailingBecauseTheSenderStops_IsGivenUpQuietly()
    {
        var sender = new OrderedBatchSender<int>(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token).ContinueWith(_ => { }, TaskScheduler.Default);
            throw new InvalidOperationException("the connection closed");
        }, (_, _) => Assert.Fail("a failure while stopping is not reported"), maxBatch: 10, NoWait);
        sender.TryAdd(1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await sender.StopAsync(timeout.Token);

        await sender.DisposeAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition()) await Task.Delay(5, timeout.Token);
    }
}
