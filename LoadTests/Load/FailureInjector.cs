using System.Diagnostics;
using HdrHistogram;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Periodic failure injection and recovery: picks a leaf, asks what-if which services its failure would affect (timing
/// the what-if), sets it Critical through the target, and waits until every one of those services has been updated;
/// then clears it and waits until they are Ok again. Latencies are from just before the failure was sent to the LAST
/// affected service's update (<see cref="ImpactChange.PublishedAt"/>) and to its arrival at the watcher (which adds the
/// index's 100 ms batching).
/// </summary>
internal sealed class FailureInjector(ILoadTarget target, IGrainFactory grains, ImpactWatcher watcher, TimeProvider time, IReadOnlyList<string> leaves, IReadOnlySet<string> services, int seed = 7)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly LongHistogram _failure = LatencySummary.NewHistogram();
    private readonly LongHistogram _failureArrived = LatencySummary.NewHistogram();
    private readonly LongHistogram _recovery = LatencySummary.NewHistogram();
    private readonly LongHistogram _whatIf = LatencySummary.NewHistogram();
    private readonly LongHistogram _whatIfServer = LatencySummary.NewHistogram();
    private readonly Random _random = new(seed);
    private long _affectedServices;

    public int Injections { get; private set; }

    public int TimedOut { get; private set; }

    public int WithoutAffectedService { get; private set; }

    /// <summary>Injects a failure every <paramref name="every"/> until <paramref name="count"/> were measured or cancellation.</summary>
    public async Task RunAsync(TimeSpan every, int count, CancellationToken cancellationToken)
    {
        while (Injections < count && !cancellationToken.IsCancellationRequested)
        {
            await InjectOnceAsync();
            try
            {
                await Task.Delay(every, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public FailureFigures Figures() => new(
        Injections, TimedOut, WithoutAffectedService, Injections == 0 ? 0 : (double)_affectedServices / Injections,
        LatencySummary.From(_failure), LatencySummary.From(_failureArrived), LatencySummary.From(_recovery),
        LatencySummary.From(_whatIf), LatencySummary.From(_whatIfServer));

    private async Task InjectOnceAsync()
    {
        var leaf = leaves[_random.Next(leaves.Count)];
        var clock = Stopwatch.StartNew();
        var whatIf = await grains.GetGrain<IImpactAnalysisGrain>(0).WhatIfAsync(GrainTarget.Assume(leaf, HealthStatus.Critical));
        Record(_whatIf, clock.Elapsed);
        Record(_whatIfServer, TimeSpan.FromMilliseconds(whatIf.ElapsedMilliseconds));
        List<string> affected = [.. whatIf.Changes.Where(c => services.Contains(c.Id) && c.After != HealthStatus.Ok).Select(c => c.Id)];
        if (affected.Count == 0)
        {
            WithoutAffectedService++;
            return;
        }

        Injections++;
        _affectedServices += affected.Count;
        var failed = watcher.ExpectAsync(affected, toProblem: true);
        var sentAt = time.GetUtcNow();
        await target.SetStatusAsync(leaf, HealthStatus.Critical);
        await WaitAsync(failed, sentAt, _failure, _failureArrived);

        var recovered = watcher.ExpectAsync(affected, toProblem: false);
        var clearedAt = time.GetUtcNow();
        await target.SetStatusAsync(leaf, HealthStatus.Ok);
        await WaitAsync(recovered, clearedAt, _recovery, null);
    }

    private async Task WaitAsync(Task<IReadOnlyDictionary<string, ObservedChange>> changes, DateTimeOffset sentAt, LongHistogram updated, LongHistogram? arrived)
    {
        try
        {
            var seen = await changes.WaitAsync(Timeout);
            Record(updated, seen.Values.Max(c => c.PublishedAt) - sentAt);
            if (arrived is not null) Record(arrived, seen.Values.Max(c => c.ArrivedAt) - sentAt);
        }
        catch (TimeoutException)
        {
            watcher.StopExpecting();
            TimedOut++;
        }
    }

    private static void Record(LongHistogram histogram, TimeSpan elapsed) =>
        histogram.RecordValue(Math.Clamp((long)elapsed.TotalMicroseconds, 1, histogram.HighestTrackableValue));
}
