namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// The fixed timetable of an open-loop run: batch k of <see cref="BatchSize"/> samples is due at
/// k * BatchSize / <see cref="SamplesPerSecond"/> seconds after the start, whether or not earlier batches have completed.
/// Latency is measured from that intended time, so a system that falls behind shows it as latency (and a lower achieved
/// rate), never as a quietly lower offered rate.
/// </summary>
internal sealed class OpenLoopSchedule
{
    public OpenLoopSchedule(double samplesPerSecond, int batchSize)
    {
        if (!(samplesPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(samplesPerSecond), "must be positive");
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        SamplesPerSecond = samplesPerSecond;
        BatchSize = batchSize;
        BatchesPerSecond = samplesPerSecond / batchSize;
    }

    public double SamplesPerSecond { get; }

    public int BatchSize { get; }

    public double BatchesPerSecond { get; }

    /// <summary>When batch <paramref name="index"/> (from 0) is due, after the start (rounded up to a tick, never early).</summary>
    public TimeSpan IntendedOffset(long index) => TimeSpan.FromTicks((long)Math.Ceiling(index * TimeSpan.TicksPerSecond / BatchesPerSecond - 1e-6));

    /// <summary>How many batches are due by <paramref name="elapsed"/> after the start (batch 0 is due at once).</summary>
    public long DueBy(TimeSpan elapsed) => elapsed < TimeSpan.Zero ? 0 : (long)Math.Floor(elapsed.TotalSeconds * BatchesPerSecond + 1e-9) + 1;

    /// <summary>How many batches a run of <paramref name="duration"/> issues (those due strictly before its end).</summary>
    public long BatchesIn(TimeSpan duration) => (long)Math.Ceiling(duration.TotalSeconds * BatchesPerSecond - 1e-9);
}
