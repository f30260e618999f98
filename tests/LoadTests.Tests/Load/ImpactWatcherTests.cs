using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.LoadTests.Load;

namespace ImpactMesh.LoadTests.Tests.Load;

public sealed class ImpactWatcherTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Observe_EveryExpectedComponentFails_CompletesWithTheirFirstChanges()
    {
        var watcher = new ImpactWatcher();
        var expected = watcher.ExpectAsync(["svc-1", "svc-2"], toProblem: true);

        watcher.Observe([Change("svc-1", HealthStatus.Critical, 10), Change("db-1", HealthStatus.Critical, 10)]);
        Assert.False(expected.IsCompleted);
        watcher.Observe([Change("svc-1", HealthStatus.Major, 20), Change("svc-2", HealthStatus.Minor, 30)]);

        var seen = await expected.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(["svc-1", "svc-2"], seen.Keys.Order());
        Assert.Equal((HealthStatus.Critical, T0.AddMilliseconds(10)), (seen["svc-1"].Status, seen["svc-1"].ArrivedAt));
        Assert.Equal(T0.AddMilliseconds(30), seen["svc-2"].ArrivedAt);
        Assert.Equal(4, watcher.Changes);
    }

    [Fact]
    public void Observe_ChangeTheOtherWay_NotCounted()
    {
        var watcher = new ImpactWatcher();
        var expected = watcher.ExpectAsync(["svc-1"], toProblem: false);

        watcher.Observe([Change("svc-1", HealthStatus.Warning, 10)]);

        Assert.False(expected.IsCompleted);
        Assert.Empty(watcher.StopExpecting());
    }

    [Fact]
    public void StopExpecting_PartlySeen_GivesWhatWasSeenAndStops()
    {
        var watcher = new ImpactWatcher();
        var expected = watcher.ExpectAsync(["svc-1", "svc-2"], toProblem: true);
        watcher.Observe([Change("svc-1", HealthStatus.Critical, 10)]);

        var seen = watcher.StopExpecting();
        watcher.Observe([Change("svc-2", HealthStatus.Critical, 20)]);

        Assert.Equal(["svc-1"], seen.Keys);
        Assert.False(expected.IsCompleted);
    }

    [Fact]
    public async Task ObserveSnapshot_ExpectedComponentsMissing_AreOk()
    {
        var watcher = new ImpactWatcher();
        var expected = watcher.ExpectAsync(["svc-1", "svc-2"], toProblem: false);

        watcher.ObserveSnapshot([Change("svc-9", HealthStatus.Critical, 50)], T0.AddMilliseconds(50));

        var seen = await expected.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.All(seen.Values, c => Assert.Equal((HealthStatus.Ok, T0.AddMilliseconds(50), (DateTimeOffset?)null), (c.Status, c.ArrivedAt, c.PublishedAt)));
    }

    [Fact]
    public void ObserveSnapshot_ExpectedComponentStillFailing_NotRecovered()
    {
        var watcher = new ImpactWatcher();
        var expected = watcher.ExpectAsync(["svc-1", "svc-2"], toProblem: false);

        watcher.ObserveSnapshot([Change("svc-2", HealthStatus.Major, 50)], T0.AddMilliseconds(50));

        Assert.False(expected.IsCompleted);
        Assert.Equal(["svc-1"], watcher.StopExpecting().Keys);
    }

    private static ObservedChange Change(string component, HealthStatus status, int atMs) =>
        new(component, status, null, T0.AddMilliseconds(atMs));
}
