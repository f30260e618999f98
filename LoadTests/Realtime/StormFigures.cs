namespace ImpactMesh.LoadTests.Realtime;

/// <summary>
/// What one hub client saw of a failure storm, from the first failing sample sent until it had seen every affected
/// component fail (<see cref="AllSeenMs"/>) or the wait ended (NaN): the messages carrying statuses in that window, their
/// rate, size and statuses, and when each affected component was first seen failing (percentiles over those seen).
/// </summary>
internal sealed record StormFigures(
    int Failed,
    int Affected,
    double SendMs,
    double AllSeenMs,
    int Seen,
    double SeenP50Ms,
    double SeenP90Ms,
    double SeenP99Ms,
    int Messages,
    double MessagesPerSecond,
    double StatusesPerMessage,
    int MaxStatusesPerMessage,
    int MaxMessageBytes,
    long TotalBytes)
{
    /// <summary>
    /// The figures of the storm that started at <paramref name="start"/>, whose samples were all sent at
    /// <paramref name="sentAt"/> and whose wait ended at <paramref name="end"/>, every affected component seen or not
    /// (<paramref name="allSeen"/>); <paramref name="seenAt"/> holds when each component seen was first seen failing.
    /// </summary>
    public static StormFigures From(int failed, int affected, DateTimeOffset start, DateTimeOffset sentAt, DateTimeOffset end, bool allSeen,
        IReadOnlyList<DateTimeOffset> seenAt, IEnumerable<DeltaMessage> messages)
    {
        var storm = messages.Where(m => m.ArrivedAt >= start && m.ArrivedAt <= end && m.Statuses > 0).ToList();
        var seconds = (end - start).TotalSeconds;
        var seen = seenAt.Select(t => (t - start).TotalMilliseconds).Order().ToList();
        return new StormFigures(
            failed,
            affected,
            Ms((sentAt - start).TotalMilliseconds),
            allSeen ? Ms(seconds * 1000) : double.NaN,
            seen.Count,
            Percentile(seen, 0.50),
            Percentile(seen, 0.90),
            Percentile(seen, 0.99),
            storm.Count,
            seconds > 0 ? Math.Round(storm.Count / seconds, 1) : double.NaN,
            storm.Count == 0 ? 0 : Math.Round(storm.Average(m => m.Statuses), 1),
            storm.Count == 0 ? 0 : storm.Max(m => m.Statuses),
            storm.Count == 0 ? 0 : storm.Max(m => m.Bytes),
            storm.Sum(m => (long)m.Bytes));
    }

    /// <summary>The nearest-rank percentile of sorted values; NaN when there are none.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : Ms(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)]);

    private static double Ms(double ms) => Math.Round(ms, 1);
}
