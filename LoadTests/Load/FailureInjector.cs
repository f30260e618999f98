using System.Diagnostics;
using HdrHistogram;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Periodic failure injection and recovery: picks a leaf, asks what-if which services its failure would affect (timing
/// the what-if), sends the leaf a failing probe sample through the target, and waits until every one of those services
/// has changed; then sends a passing sample and waits until they are Ok again. Latencies are from just before the sample
/// was sent to the LAST affected service's update (<see cref="ImpactChange.PublishedAt"/>, known in process only) and
/// to its arrival at the watcher's feed (which adds the feed's batching). The failure's time is split in two: until the leaf
/// itself was updated (the failing sample's own way into its grain) and from there to the last service (propagation).
/// </summary>
internal sealed class FailureInjector(ILoadTarget target, ImpactWatcher watcher, TimeProvider time, IReadOnlyList<string> leaves, IReadOnlySet<string> services, int seed = 7)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly LongHistogram _failure = LatencySummary.NewHistogram();
    private readonly LongHistogram _failureArrived = LatencySummary.NewHistogram();
    private readonly LongHistogram _failureToLeaf = LatencySummary.NewHistogram();
    private readonly LongHistogram _leafToLastService = LatencySummary.NewHistogram();
    private readonly LongHistogram _recovery = LatencySummary.NewHistogram();
    private readonly LongHistogram _recoveryArrived = LatencySummary.NewHistogram();
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
        LatencySummary.From(_failure), LatencySummary.From(_failureArrived), LatencySummary.From(_failureToLeaf), LatencySummary.From(_leafToLastService),
        LatencySummary.From(_recovery), LatencySummary.From(_recoveryArrived),
        LatencySummary.From(_whatIf), LatencySummary.From(_whatIfServer));

    private async Task InjectOnceAsync()
    {
        var leaf = leaves[_random.Next(leaves.Count)];
        var clock = Stopwatch.StartNew();
        var whatIf = await target.WhatIfCriticalAsync(leaf);
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
        var failed = watcher.ExpectAsync([.. affected, leaf], toProblem: true);
        var sentAt = time.GetUtcNow();
        await target.SendProbeAsync(leaf, failed: true);
        if (await WaitAsync(failed, leaf, sentAt, _failure, _failureArrived) is { } seen && seen[leaf].PublishedAt is { } leafAt)
        {
            Record(_failureToLeaf, leafAt - sentAt);
            Record(_leafToLastService, seen.Where(c => c.Key != leaf).Max(c => c.Value.PublishedAt!.Value) - leafAt);
        }

        var recovered = watcher.ExpectAsync(affected, toProblem: false);
        var clearedAt = time.GetUtcNow();
        await target.SendProbeAsync(leaf, failed: false);
        await WaitAsync(recovered, null, clearedAt, _recovery, _recoveryArrived);
    }

    /// <summary>
    /// Waits for the expected changes and records the last service's (every expected component but <paramref name="leaf"/>);
    /// gives what was seen when every change carries its update time, null otherwise or after the time-out.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, ObservedChange>?> WaitAsync(
        Task<IReadOnlyDictionary<string, ObservedChange>> changes, string? leaf, DateTimeOffset sentAt, LongHistogram updated, LongHistogram arrived)
    {
        try
        {
            var seen = await changes.WaitAsync(Timeout);
            var services = seen.Where(c => c.Key != leaf).Select(c => c.Value).ToList();
            Record(arrived, services.Max(c => c.ArrivedAt) - sentAt);
            if (seen.Values.Any(c => c.PublishedAt is null)) return null;
            Record(updated, services.Max(c => c.PublishedAt!.Value) - sentAt);
            return seen;
        }
        catch (TimeoutException)
        {
            watcher.StopExpecting();
            TimedOut++;
            return null;
        }
    }

    private static void Record(LongHistogram histogram, TimeSpan elapsed) =>
        histogram.RecordValue(Math.Clamp((long)elapsed.TotalMicroseconds, 1, histogram.HighestTrackableValue));
}
