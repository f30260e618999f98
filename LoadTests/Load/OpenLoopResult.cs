namespace ImpactMesh.LoadTests.Load;

/// <summary>What an open-loop run did: offered and achieved rates, latency from intended send time, errors, per-second series.</summary>
internal sealed record OpenLoopResult(
    double TargetSamplesPerSecond,
    int BatchSize,
    TimeSpan Duration,
    TimeSpan Elapsed,
    long BatchesIssued,
    long BatchesCompleted,
    long SamplesAccepted,
    long SamplesNotAccepted,
    long Errors,
    string? FirstError,
    double AchievedSamplesPerSecond,
    LatencySummary Latency,
    IReadOnlyList<IntervalFigures> Intervals)
{
    /// <summary>How far the achieved rate is below the target, as a share of the target (0 when on target).</summary>
    public double ShortfallShare => Math.Max(0, 1 - AchievedSamplesPerSecond / TargetSamplesPerSecond);
}
