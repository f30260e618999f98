using System.Collections.Immutable;
using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace ImpactMesh.Grains.Tests.Impact;

[Collection(ClusterCollection.Name)]
public sealed class ImpactPublisherTests(ClusterFixture fixture)
{
    [Fact]
    public void EstimatedBytes_IsNotBelowTheSerializedSize_ForAChangeWithManyLongRootCausePaths()
    {
        var change = new ImpactChange("service-7-524", "service", HealthStatus.Ok, HealthStatus.Critical, HealthStatus.Ok, false,
            "3 of 3 dependencies Critical (worst); ünïcode reason", [.. Enumerable.Range(0, 32).Select(i => new RootCause($"leaf-{i}", HealthStatus.Critical, LongPath(0, i)))],
            32, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var serializer = fixture.Cluster.ServiceProvider.GetRequiredService<Serializer>();

        var serialized = serializer.SerializeToArray(ImmutableArray.Create(change)).Length;

        Assert.InRange(ImpactPublisher.EstimatedBytes(change), serialized, serialized * 3);
    }

    [Fact]
    public async Task Publish_AStormOfLargeChanges_EveryOneReachesTheImpactIndex()
    {
        // 1,000 changes of about 12 KB each, handed over at once: sent as one stream event they would be larger than the
        // in-memory stream can cache, and that event and every later one would never be delivered.
        var publisher = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<ImpactPublisher>();
        var at = DateTimeOffset.UnixEpoch;
        for (var n = 0; n < 1000; n++)
        {
            ImmutableArray<RootCause> causes = [.. Enumerable.Range(0, 32).Select(i => new RootCause($"leaf-{i}", HealthStatus.Critical, LongPath(n, i)))];
            publisher.Publish(new ImpactChange($"storm-{n}", "service", HealthStatus.Ok, HealthStatus.Critical, HealthStatus.Ok, false, "storm", causes, 32, at, at));
        }

        var index = fixture.Grains.GetGrain<IImpactIndexGrain>(IImpactIndexGrain.Key);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await index.GetOverviewAsync()).Components.Count(c => c.Id.StartsWith("storm-", StringComparison.Ordinal)) < 1000)
        {
            Assert.True(DateTime.UtcNow < deadline, "every change of the storm in the impact index");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        // Leave the index as it was for the other tests: back to Ok, the storm's components leave it.
        for (var n = 0; n < 1000; n++) publisher.Publish(new ImpactChange($"storm-{n}", "service", HealthStatus.Critical, HealthStatus.Ok, HealthStatus.Ok, false, "Ok", [], 0, at, at));
        while ((await index.GetOverviewAsync()).Components.Any(c => c.Id.StartsWith("storm-", StringComparison.Ordinal)))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    // Distinct path arrays, as propagation builds them (the serializer would write a shared one once).
    private static ImmutableArray<string> LongPath(int change, int cause) =>
        [.. Enumerable.Range(0, 12).Select(i => $"component-{change}-{cause}-with-a-long-name-{i:D4}")];
}
