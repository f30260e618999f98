using System.Diagnostics;
using HdrHistogram;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Issues the batches of an <see cref="OpenLoopSchedule"/> on time, without waiting for earlier ones to complete (up to
/// <c>maxInFlight</c> outstanding batches, a memory guard: when it is reached the dispatcher waits, and the wait shows as
/// latency because every latency is measured from the batch's intended time), and records latency, samples and errors.
/// </summary>
internal sealed class OpenLoopDriver(OpenLoopSchedule schedule, Func<long, Task<int>> send, int maxInFlight = 4_096)
{
    private readonly object _lock = new();
    private readonly LongHistogram _latency = LatencySummary.NewHistogram();
    private readonly LongHistogram _interval = LatencySummary.NewHistogram();
    private readonly List<IntervalFigures> _intervals = [];
    private long _accepted;
    private long _intervalAccepted;
    private long _completed;
    private long _errors;
    private long _lastCompletionTicks;
    private string? _firstError;

    public async Task<OpenLoopResult> RunAsync(TimeSpan duration, Action<string>? progress, CancellationToken cancellationToken)
    {
        var total = schedule.BatchesIn(duration);
        var gate = new SemaphoreSlim(maxInFlight, maxInFlight);
        var start = Stopwatch.GetTimestamp();
        var lastReport = start;
        long next = 0;
        try
        {
            while (next < total && !cancellationToken.IsCancellationRequested)
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                var due = Math.Min(total, schedule.DueBy(elapsed));
                while (next < due)
                {
                    await gate.WaitAsync(cancellationToken);
                    var index = next++;
                    _ = RunOneAsync(index, start + (long)(schedule.IntendedOffset(index).TotalSeconds * Stopwatch.Frequency), start, gate);
                }

                var now = Stopwatch.GetTimestamp();
                if (Stopwatch.GetElapsedTime(lastReport, now) >= TimeSpan.FromSeconds(1))
                {
                    var figures = CloseInterval(Stopwatch.GetElapsedTime(start, now), Stopwatch.GetElapsedTime(lastReport, now), maxInFlight - gate.CurrentCount);
                    lastReport = now;
                    progress?.Invoke(figures.ToString());
                }

                // Sleep until the next batch is due, at least a millisecond: spinning would take a core from the system
                // under test; batches due meanwhile go out together, their wait counted in their latency.
                var wait = schedule.IntendedOffset(next) - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero) await Task.Delay(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), cancellationToken);
                else await Task.Yield();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        // Stopped early (the injections a command wanted are done): the run is as long as it ran.
        if (cancellationToken.IsCancellationRequested) duration = Stopwatch.GetElapsedTime(start);

        // Drain: the run ends when the last batch has completed (or after a minute, counting the rest as errors).
        var drainDeadline = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
        while (gate.CurrentCount < maxInFlight && Stopwatch.GetTimestamp() < drainDeadline) await Task.Delay(5, CancellationToken.None);
        var outstanding = maxInFlight - gate.CurrentCount;
        lock (_lock)
        {
            var last = Stopwatch.GetElapsedTime(start, Math.Max(_lastCompletionTicks, start));
            var elapsed = last > duration ? last : duration;
            return new OpenLoopResult(
                schedule.SamplesPerSecond, schedule.BatchSize, duration, elapsed, next, _completed, _accepted,
                next * (long)schedule.BatchSize - _accepted, _errors + outstanding, _firstError,
                _accepted / elapsed.TotalSeconds, LatencySummary.From(_latency), [.. _intervals]);
        }
    }

    private async Task RunOneAsync(long index, long intended, long start, SemaphoreSlim gate)
    {
        try
        {
            var accepted = await send(index);
            var done = Stopwatch.GetTimestamp();
            var micros = Math.Max(1, (done - intended) * 1_000_000 / Stopwatch.Frequency);
            lock (_lock)
            {
                _latency.RecordValue(Math.Min(micros, _latency.HighestTrackableValue));
                _interval.RecordValue(Math.Min(micros, _interval.HighestTrackableValue));
                _accepted += accepted;
                _intervalAccepted += accepted;
                _completed++;
                _lastCompletionTicks = Math.Max(_lastCompletionTicks, done);
            }
        }
        catch (Exception e)
        {
            lock (_lock)
            {
                _errors++;
                _firstError ??= $"batch {index}: {e.GetType().Name}: {e.Message}";
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private IntervalFigures CloseInterval(TimeSpan at, TimeSpan length, int inFlight)
    {
        lock (_lock)
        {
            var figures = new IntervalFigures(Math.Round(at.TotalSeconds, 1), Math.Round(_intervalAccepted / length.TotalSeconds), LatencySummary.From(_interval), inFlight, _errors);
            _interval.Reset();
            _intervalAccepted = 0;
            _intervals.Add(figures);
            return figures;
        }
    }
}
