using System.Collections.Immutable;
using ImpactMesh.Dashboard.Realtime;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Dashboard.Tests.Realtime;

public sealed class ConnectionFeedTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly RealtimeOptions Options = new() { MaxBatch = 3, MaxPending = 10, MaxPendingAlerts = 2 };

    private static ComponentStatus Status(string id, HealthStatus status, DateTimeOffset? since = null) =>
        new(id, "service", status, HealthStatus.Ok, false, "", [], 0, since, T0);

    private static MetricHighlights Highlights(string id, double value) =>
        new(id, T0, [new MetricHighlight("latency_ms", HealthStatus.Ok, "", null, value, T0, 80, 120, 0)]);

    private static SlaSummary Sla(string id, SlaState state) => new(id, id, "customer", state, 1, null, [], [], 0, T0);

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
    public void TakeBatch_StatusesBeyondTheByteCap_WaitForTheNextMessage_OldestFirst_AtLeastOnePerMessage()
    {
        // Ten statuses with 20 root causes of 8-step paths each: a few KB apiece, as in a failure storm.
        var causes = Enumerable.Range(0, 20).Select(i => new RootCause($"leaf-{i}", HealthStatus.Critical, [.. Enumerable.Range(0, 8).Select(j => $"component-{i}-{j}")])).ToImmutableArray();
        var feed = new ConnectionFeed("c");
        feed.Enqueue([.. Enumerable.Range(0, 10).Select(i => Status($"s{i}", HealthStatus.Critical) with { RootCauses = causes, TotalRootCauses = 20 })], [], new RealtimeOptions { MaxPending = 100 });
        var each = (Status("s0", HealthStatus.Critical) with { RootCauses = causes }).EstimatedBytes;

        var first = feed.TakeBatch(1_000, T0, maxBytes: 3 * each)!;
        Assert.Equal(["s0", "s1", "s2"], first.Statuses.Select(s => s.Id));
        Assert.True(feed.HasPendingStatuses);

        var tiny = feed.TakeBatch(1_000, T0, maxBytes: 1)!;
        Assert.Equal(["s3"], tiny.Statuses.Select(s => s.Id));

        var rest = feed.TakeBatch(1_000, T0)!;
        Assert.Equal(6, rest.Statuses.Length);
        Assert.False(feed.HasPendingStatuses);
    }

    [Fact]
    public void EstimatedBytes_IsNearTheStatusAsJson()
    {
        var causes = Enumerable.Range(0, 5).Select(i => new RootCause($"leaf-{i}", HealthStatus.Critical, [.. Enumerable.Range(0, 6).Select(j => $"component-{i}-{j}")])).ToImmutableArray();
        foreach (var status in new[] { Status("a", HealthStatus.Ok), Status("checkout-service", HealthStatus.Critical) with { Reason = "3 of 4 dependencies Critical (worst)", RootCauses = causes } })
        {
            var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(status, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)).Length;
            Assert.InRange(status.EstimatedBytes, json * 0.7, json * 1.5);
        }
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

    [Fact]
    public void EnqueueMetrics_OnlyWatchedComponents_LatestPerComponent()
    {
        var feed = new ConnectionFeed("c");
        feed.Watch(["a", "b"]);

        feed.EnqueueMetrics([Highlights("a", 1), Highlights("x", 1)]);
        feed.EnqueueMetrics([Highlights("a", 2)]);
        var batch = feed.TakeBatch(3, T0)!;

        var only = Assert.Single(batch.Metrics);
        Assert.Equal(("a", 2.0), (only.Id, only.Metrics[0].LastValue));
        Assert.Empty(batch.Statuses);
    }

    [Fact]
    public void Watch_Replaced_DropsPendingHighlightsOfComponentsNoLongerWatched()
    {
        var feed = new ConnectionFeed("c");
        feed.Watch(["a", "b"]);
        feed.EnqueueMetrics([Highlights("a", 1), Highlights("b", 1)]);

        feed.Watch(["b"]);
        feed.EnqueueMetrics([Highlights("a", 2)]);
        var batch = feed.TakeBatch(3, T0)!;

        Assert.Equal(["b"], batch.Metrics.Select(m => m.Id));
        Assert.Equal(["b"], feed.Watched);
        feed.Watch([]);
        feed.EnqueueMetrics([Highlights("b", 3)]);
        Assert.Null(feed.TakeBatch(3, T0));
    }

    [Fact]
    public void EnqueueSlas_SameSlaTwice_SendsTheLatestAndASnapshotDropsThem()
    {
        var feed = new ConnectionFeed("c");
        feed.EnqueueSlas([Sla("gold", SlaState.Agreed)]);
        feed.EnqueueSlas([Sla("gold", SlaState.Active), Sla("silver", SlaState.Draft)]);

        var batch = feed.TakeBatch(3, T0)!;
        feed.EnqueueSlas([Sla("gold", SlaState.Retired)]);
        feed.BeginSnapshot(ImpactSubscription.Everything, null);
        feed.EndSnapshot();

        Assert.Equal([("gold", SlaState.Active), ("silver", SlaState.Draft)], batch.Slas.Select(s => (s.Id, s.State)).Order());
        Assert.Null(feed.TakeBatch(3, T0));
    }
}
