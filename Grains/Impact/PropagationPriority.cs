namespace ImpactMesh.Grains.Impact;

/// <summary>
/// Puts impact propagation before metric ingestion in one silo. Component grains mark each propagation step
/// (<see cref="Step"/>); ingestion awaits <see cref="WhenQuietAsync"/> before it calls a component, which waits while a
/// step was marked within <see cref="QuietAfter"/>, for at most the configured longest wait. Without it a failure that
/// changes thousands of components shares the CPU with the samples arriving meanwhile, and under heavy ingestion its
/// services learn of it several times later than on an idle silo; the samples wait instead, a few milliseconds, and are
/// all taken. Every waiting caller is released together, by one timer that looks every <see cref="PollEvery"/>.
/// </summary>
public sealed class PropagationPriority
{
    /// <summary>How long after the last step propagation counts as finished.</summary>
    public static readonly TimeSpan QuietAfter = TimeSpan.FromMilliseconds(2);

    /// <summary>How often waiting ingestion looks whether propagation has finished.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(1);

    private readonly TimeProvider _time;
    private readonly TimeSpan _longestWait;
    private readonly long _quietTicks;
    private readonly long _stepTicks;
    private readonly long _lateTicks;
    private readonly Lock _lock = new();
    private long _lastStep = long.MinValue / 2;
    private TaskCompletionSource? _quiet;
    private long _waitingSince;
    private long _lastPoll;
    private long _quietSince;
    private ITimer? _poll;

    /// <param name="time">The clock of the silo's scheduling (real time, not the data time of samples).</param>
    /// <param name="longestWait">The longest an ingestion call waits; zero lets ingestion go at once (no priority).</param>
    public PropagationPriority(TimeProvider time, TimeSpan longestWait)
    {
        _time = time;
        _longestWait = longestWait;
        _quietTicks = Ticks(QuietAfter);
        _stepTicks = _quietTicks / 16;
        _lateTicks = 4 * Ticks(PollEvery);
    }

    /// <summary>Marks a propagation step (a report applied or sent).</summary>
    public void Step()
    {
        var now = _time.GetTimestamp();
        // Many steps a millisecond from every thread: the mark moves on only when it is noticeably behind.
        if (now - Volatile.Read(ref _lastStep) > _stepTicks) Volatile.Write(ref _lastStep, now);
    }

    /// <summary>
    /// Completes when propagation has made no step for <see cref="QuietAfter"/>, or after the longest wait. While callers
    /// wait, a new caller joins them.
    /// </summary>
    public Task WhenQuietAsync()
    {
        if (_longestWait <= TimeSpan.Zero) return Task.CompletedTask;
        var now = _time.GetTimestamp();
        if (Volatile.Read(ref _quiet) is null && now - Volatile.Read(ref _lastStep) >= _quietTicks) return Task.CompletedTask;
        lock (_lock)
        {
            if (_quiet is null)
            {
                _quiet = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                (_waitingSince, _lastPoll, _quietSince) = (now, now, now);
                _poll = _time.CreateTimer(_ => Poll(), null, PollEvery, PollEvery);
            }

            return _quiet.Task;
        }
    }

    // Quiet is measured in running time: a poll that comes late (the silo stood still in a collection, or the timer was
    // held up) shows nothing about propagation, which resumes with the silo, so it starts the quiet anew.
    private void Poll()
    {
        TaskCompletionSource? quiet;
        lock (_lock)
        {
            if (_quiet is null) return;
            var now = _time.GetTimestamp();
            var stepped = Volatile.Read(ref _lastStep) > _lastPoll - _stepTicks;
            if (stepped || now - _lastPoll > _lateTicks) _quietSince = now;
            _lastPoll = now;
            if (now - _quietSince < _quietTicks && _time.GetElapsedTime(_waitingSince, now) < _longestWait) return;
            (quiet, _quiet) = (_quiet, null);
            _poll?.Dispose();
            _poll = null;
        }

        quiet.SetResult();
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
