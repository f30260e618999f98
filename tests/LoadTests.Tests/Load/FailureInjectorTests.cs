using ImpactMesh.LoadTests.Estate;
using ImpactMesh.LoadTests.Load;
using ImpactMesh.Silo.Tests;

namespace ImpactMesh.LoadTests.Tests.Load;

/// <summary>
/// Failure injection against a real embedded silo (HTTP API, and the SignalR hub or the in-process impact feed; in-memory
/// storage, or clustered and persisted through a real redis-server).
/// </summary>
public sealed class FailureInjectorTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_FailingSamplesOverHttp_EveryAffectedServiceSeenFailingAndRecovering(bool hub)
    {
        var options = new LoadOptions(new EstateOptions(Components: 300, Depth: 4), null, null, null, Http: true, Hub: hub, BatchSize: 100,
            ComponentsPerRequest: 10, MaxInFlight: 64, Warmup: TimeSpan.Zero, OutputFolder: "", Name: "test");
        await using var session = await LoadSession.StartAsync(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var injector = session.CreateInjector();

        await injector.RunAsync(TimeSpan.Zero, 3, timeout.Token);

        var figures = injector.Figures();
        Assert.Equal((3, 0), (figures.Injections, figures.TimedOut));
        Assert.True(figures.AffectedServicesMean >= 1);
        Assert.Equal((3, 3), (figures.FailureToLastServiceArrived.Count, figures.RecoveryToLastServiceArrived.Count));

        // Only the in-process feed says when each service was updated; the hub gives what an operator sees.
        Assert.Equal((hub ? 0 : 3, hub ? 0 : 3, hub ? 0 : 3), (figures.FailureToLastService.Count, figures.FailureToLeaf.Count, figures.LeafToLastService.Count));
        Assert.Equal(hub ? "SignalR hub /hubs/impact" : "impact index (in-process observer)", session.FeedDescription);
    }

    [Fact]
    public async Task RunAsync_InProcessOnRedis_EveryAffectedServiceSeenFailingAndRecovering()
    {
        var options = new LoadOptions(new EstateOptions(Components: 300, Depth: 4), null, null, redis.ConnectionString, Http: false, Hub: false, BatchSize: 100,
            ComponentsPerRequest: 10, MaxInFlight: 64, Warmup: TimeSpan.Zero, OutputFolder: "", Name: "test");
        await using var session = await LoadSession.StartAsync(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var injector = session.CreateInjector();

        await injector.RunAsync(TimeSpan.Zero, 2, timeout.Token);

        var figures = injector.Figures();
        Assert.Equal((2, 0, 2), (figures.Injections, figures.TimedOut, figures.FailureToLastService.Count));
        Assert.Equal($"this process: clustered and persisted through Redis {redis.ConnectionString}", session.Silo.Description);
    }
}
