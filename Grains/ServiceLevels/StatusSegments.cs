using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Cuts a status timeline (entries ordered by data time, each in force until the next) into pieces inside a range.
/// Time before the first entry has no data: it is returned with a null entry and status Unknown.
/// </summary>
internal static class StatusSegments
{
    public static List<(TimeInterval Range, HealthStatus Status, StatusChange? Entry)> Within(IReadOnlyList<StatusChange> timeline, TimeInterval range)
    {
        var result = new List<(TimeInterval, HealthStatus, StatusChange?)>();
        if (range.End <= range.Start) return result;
        var ordered = IsOrdered(timeline) ? timeline : [.. timeline.OrderBy(c => c.At)];
        var first = ordered.Count == 0 ? range.End : IntervalSet.Min(ordered[0].At, range.End);
        if (first > range.Start) result.Add((new TimeInterval(range.Start, first), HealthStatus.Unknown, null));
        for (var i = 0; i < ordered.Count; i++)
        {
            var s = IntervalSet.Max(ordered[i].At, range.Start);
            var e = i + 1 < ordered.Count ? IntervalSet.Min(ordered[i + 1].At, range.End) : range.End;
            if (e > s) result.Add((new TimeInterval(s, e), ordered[i].Status, ordered[i]));
        }

        return result;
    }

    private static bool IsOrdered(IReadOnlyList<StatusChange> timeline)
    {
        for (var i = 1; i < timeline.Count; i++)
        {
            if (timeline[i].At < timeline[i - 1].At) return false;
        }

        return true;
    }
}
