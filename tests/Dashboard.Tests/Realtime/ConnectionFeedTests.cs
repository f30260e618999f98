using ImpactMesh.Dashboard.Realtime;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Dashboard.Tests.Realtime;

public sealed class ConnectionFeedTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly RealtimeOptions Options = new() { MaxBatch = 3, MaxPending = 10, MaxPendingAlerts = 2 };

    private static ComponentStatus Status(string id, HealthStatus status, DateTimeOffset? since = null) =>
        new(id, "service", status, HealthStatus.Ok, false, "", [], 0, since, T0);

    private static ImpactAlert Alert(string id, HealthStatus status) => new(id, "service", HealthStatus.Ok, status, "", T0);

    [Fact]
    public void Enqueue_SameComponentTwice_SendsOnlyTheLatestKeepingItsSince()
    {
        var feed = new ConnectionFeed("c");
        feed.Enqueue([Status("a", HealthStatus.Major, T0)], [], Options);
        feed.Enqueue([Status("a", HealthStatus.Major)], [], Options);

        var batch = feed.TakeBatch(Options.MaxBatch, T0)!;

        var only = Assert.Single(batch.Statuses);
        Assert.Equal((HealthStatus.Major, T0), (only.Status, only.Since));
        Assert.Equal(1, batch.Sequence);
        Assert.Null(feed.TakeBatch(Options.MaxBatch, T0));
    }

    [Fact]
    public void TakeBatch_MoreThanTheCap_SplitsOverNumberedBatches()
    {
        var feed = new ConnectionFeed("c");
        feed.Enqueue([.. Enumerable.Range(0, 7).Select(i => Status($"s{i}", HealthStatus.Critical))], [], Options);

        var batches = new[] { feed.TakeBatch(3, T0)!, feed.TakeBatch(3, T0)!, feed.TakeBatch(3, T0)! };

        Assert.Equal([3, 3, 1], batches.Select(b => b.Statuses.Length));
        Assert.Equal([1L, 2L, 3L], batches.Select(b => b.Sequence));
        Assert.Equal(7, batches.SelectMany(b => b.Statuses).Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void TakeBatch_PreviousSendUnderWay_WaitsAndCoalesces()
    {
        var feed = new ConnectionFeed("c");
        var send = new TaskCompletionSource();
        feed.Enqueue([Status("a", HealthStatus.Minor)], [], Options);
        feed.TakeBatch(3, T0);
        feed.Sending(send.Task);
        feed.Enqueue([Status("a", HealthStatus.Major)], [], Options);
        feed.Enqueue([Status("a", HealthStatus.Critical)], [], Options);

        Assert.Null(feed.TakeBatch(3, T0));
        send.SetResult();
        var batch = feed.TakeBatch(3, T0)!;

        Assert.Equal(HealthStatus.Critical, Assert.Single(batch.Statuses).Status);
    }

    [Fact]
    public void Enqueue_PastMaxPending_DropsTheQueueAndAsksForResync()
    {
        var feed = new ConnectionFeed("c");

        feed.Enqueue([.. Enumerable.Range(0, Options.MaxPending + 1).Select(i => Status($"s{i}", HealthStatus.Critical))], [], Options);
        var batch = feed.TakeBatch(3, T0)!;

        Assert.True(batch.Resync);
        Assert.Empty(batch.Statuses);
    }

    [Fact]
    public void Enqueue_AlertsPastTheirBound_KeepsTheNewest()
    {
        var feed = new ConnectionFeed("c");

        feed.Enqueue([], [Alert("a", HealthStatus.Minor), Alert("b", HealthStatus.Major), Alert("c", HealthStatus.Critical)], Options);
        var batch = feed.TakeBatch(3, T0)!;

        Assert.Equal(["b", "c"], batch.Alerts.Select(a => a.Component));
    }

    [Fact]
    public void BeginSnapshot_WithScope_DropsPendingPausesAndFiltersLaterChanges()
    {
        var feed = new ConnectionFeed("c");
        feed.Enqueue([Status("a", HealthStatus.Minor)], [], Options);
        feed.TakeBatch(3, T0);
        feed.Enqueue([Status("a", HealthStatus.Major)], [], Options);

        var sequence = feed.BeginSnapshot(new ImpactSubscription(Kind: "service"), new HashSet<string> { "a" });
        feed.Enqueue([Status("a", HealthStatus.Critical), Status("b", HealthStatus.Critical)], [Alert("b", HealthStatus.Critical)], Options);
        var paused = feed.TakeBatch(3, T0);
        feed.EndSnapshot();
        var batch = feed.TakeBatch(3, T0)!;

        Assert.Equal(1, sequence);
        Assert.Null(paused);
        Assert.Equal(("a", HealthStatus.Critical), (Assert.Single(batch.Statuses).Id, batch.Statuses[0].Status));
        Assert.Empty(batch.Alerts);
        Assert.Equal(2, batch.Sequence);
        Assert.Equal("service", feed.Subscription.Kind);
    }

    [Fact]
    public void TopologyChanged_NothingElsePending_SendsTheNewVersion()
    {
        var feed = new ConnectionFeed("c");

        feed.TopologyChanged(7);
        var batch = feed.TakeBatch(3, T0)!;

        Assert.Equal(7, batch.TopologyVersion);
        Assert.Null(feed.TakeBatch(3, T0));
    }
}
