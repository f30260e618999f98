using ImpactMesh.Grains.Components;
using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Health;
using Microsoft.Extensions.Time.Testing;

namespace ImpactMesh.Grains.Tests.Components;

/// <summary>Samples entering a silo through <see cref="SampleIngestion"/>, in a real (in-process) cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SampleIngestionTests(ClusterFixture fixture)
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task RecordAsync_WhilePropagationRuns_WaitsThenReachesTheComponent()
    {
        var priority = new PropagationPriority(_time, TimeSpan.FromMilliseconds(100));
        var ingestion = new SampleIngestion(fixture.Grains, priority);
        priority.Step();

        var pending = ingestion.RecordAsync("not-in-the-graph", [new MetricSample("cpu", 1, ClusterFixture.Time.GetUtcNow())]);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);

        for (var i = 0; i < 5 && !pending.IsCompleted; i++) _time.Advance(PropagationPriority.PollEvery);
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // The component's own answer: the grain took the call.
        Assert.True(result.UnknownComponent);
    }

    [Fact]
    public void WhenReadyAsync_WhilePropagationRuns_CompletesOnceItIsQuiet()
    {
        var priority = new PropagationPriority(_time, TimeSpan.FromMilliseconds(100));
        var ingestion = new SampleIngestion(fixture.Grains, priority);
        Assert.True(ingestion.WhenReadyAsync().IsCompleted);
        priority.Step();

        var ready = ingestion.WhenReadyAsync();

        Assert.False(ready.IsCompleted);
        for (var i = 0; i < 5 && !ready.IsCompleted; i++) _time.Advance(PropagationPriority.PollEvery);
        Assert.True(ready.IsCompleted);
    }

    [Fact]
    public async Task RecordAsync_NoPropagation_GoesStraightToTheComponent()
    {
        var ingestion = new SampleIngestion(fixture.Grains, new PropagationPriority(_time, TimeSpan.FromMilliseconds(100)));

        var result = await ingestion.RecordAsync("not-in-the-graph", [new MetricSample("cpu", 1, ClusterFixture.Time.GetUtcNow())]);

        Assert.True(result.UnknownComponent);
    }
}
