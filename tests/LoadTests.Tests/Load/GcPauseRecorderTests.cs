using ImpactMesh.LoadTests.Load;

namespace ImpactMesh.LoadTests.Tests.Load;

public sealed class GcPauseRecorderTests
{
    [Fact]
    public async Task Pauses_BlockingCollectionsOfEachGeneration_RecordedByGeneration()
    {
        using var recorder = new GcPauseRecorder();
        var deadline = DateTime.UtcNow.AddSeconds(30);

        // The runtime hands its events to a listener asynchronously: collect until each generation's stop has arrived.
        IReadOnlyList<LatencySummary> pauses;
        do
        {
            for (var generation = 0; generation <= 2; generation++) GC.Collect(generation, GCCollectionMode.Forced, blocking: true);
            await Task.Delay(200, TestContext.Current.CancellationToken);
            pauses = recorder.Pauses();
        }
        while (pauses.Any(p => p.Count == 0) && DateTime.UtcNow < deadline);

        Assert.All(pauses, p => Assert.True(p.Count > 0 && p.MaxMs > 0 && p.MaxMs < 10_000, $"{p}"));
    }
}
