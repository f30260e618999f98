using System.Diagnostics;

namespace ImpactMesh.LoadTests.Realtime;

/// <summary>
/// What one hub client saw of a failure storm: the messages carrying statuses from the first failing sample sent until the
/// client had seen every affected component (<see cref="AllSeenMs"/>; NaN when it never did), their rate, size and statuses.
/// </summary>
internal sealed record StormFigures(
    int Failed,
    int Affected,
    double SendMs,
    double AllSeenMs,
    int Messages,
    double MessagesPerSecond,
    double StatusesPerMessage,
    int MaxStatusesPerMessage,
    int MaxMessageBytes,
    long TotalBytes)
{
    /// <summary>
    /// The figures of the messages that arrived between <paramref name="start"/> and <paramref name="allSeenAt"/> (or the
    /// last message, when not everything was seen) and carried statuses; timestamps are <see cref="Stopwatch"/> ticks.
    /// </summary>
    public static StormFigures From(int failed, int affected, long start, long sentAt, long? allSeenAt, IEnumerable<DeltaMessage> messages)
    {
        var end = allSeenAt ?? long.MaxValue;
        var storm = messages.Where(m => m.ArrivedAt >= start && m.ArrivedAt <= end && m.Statuses > 0).ToList();
        var seconds = allSeenAt is { } seen ? Stopwatch.GetElapsedTime(start, seen).TotalSeconds : double.NaN;
        return new StormFigures(
            failed,
            affected,
            Math.Round(Stopwatch.GetElapsedTime(start, sentAt).TotalMilliseconds, 1),
            Math.Round(seconds * 1000, 1),
            storm.Count,
            seconds > 0 ? Math.Round(storm.Count / seconds, 1) : double.NaN,
            storm.Count == 0 ? 0 : Math.Round(storm.Average(m => m.Statuses), 1),
            storm.Count == 0 ? 0 : storm.Max(m => m.Statuses),
            storm.Count == 0 ? 0 : storm.Max(m => m.Bytes),
            storm.Sum(m => (long)m.Bytes));
    }
}
