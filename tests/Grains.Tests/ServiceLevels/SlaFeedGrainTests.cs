using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

/// <summary>The SLA feed in a real (in-process) cluster: every SLA's stream reaches the one feed grain and its observers.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SlaFeedGrainTests(ClusterFixture fixture)
{
    private static readonly SlaActor Operator = new("olga", false);

    private sealed class Recorder : ISlaObserver
    {
        public TaskCompletionSource<SlaSummary> Active { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnSlaChangesAsync(ImmutableArray<SlaSummary> summaries)
        {
            foreach (var s in summaries.Where(s => s.Id == "sla-feed" && s.State == SlaState.Active)) Active.TrySetResult(s);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Transition_ObservedFeed_ForwardsTheNewStandingAndKeepsIt()
    {
        var topology = await fixture.Grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key)
            .ReplaceAsync("components:\n  - { id: feed-web, kind: service }\n", DocumentFormat.Yaml);
        Assert.True(topology.Applied);
        var applied = await fixture.Grains.GetGrain<ISlaRegistryGrain>(ISlaRegistryGrain.Key).ApplyDocumentAsync("""
            slas:
              - { id: sla-feed, customer: C, state: agreed, services: [feed-web], timeZone: Etc/UTC, slos: [{ name: availability, kind: availability, target: 99.9, minimum: 99 }] }
            """, DocumentFormat.Yaml, Operator);
        Assert.True(applied.Applied);
        var feed = fixture.Grains.GetGrain<ISlaFeedGrain>(ISlaFeedGrain.Key);
        var recorder = new Recorder();
        var observer = fixture.Cluster.Client.CreateObjectReference<ISlaObserver>(recorder);
        await feed.SubscribeAsync(observer);
        Assert.Contains(await feed.GetSummariesAsync(), s => s.Id == "sla-feed" && s.State == SlaState.Agreed);

        await fixture.Grains.GetGrain<ISlaGrain>("sla-feed").TransitionAsync(SlaState.Active, Operator, null, false);

        var forwarded = await recorder.Active.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal("availability", Assert.Single(forwarded.Standing).Slo);
        Assert.Equal(SlaState.Active, (await feed.GetSummariesAsync()).Single(s => s.Id == "sla-feed").State);
        await feed.UnsubscribeAsync(observer);
    }
}
