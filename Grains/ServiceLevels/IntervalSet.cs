using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>Operations on sets of instants kept as sorted, disjoint, non-empty half-open intervals ("normalised").</summary>
internal static class IntervalSet
{
    public static List<TimeInterval> Normalize(IEnumerable<TimeInterval> intervals)
    {
        var sorted = intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start).ToList();
        var result = new List<TimeInterval>(sorted.Count);
        foreach (var i in sorted)
        {
            if (result.Count > 0 && i.Start <= result[^1].End)
            {
                if (i.End > result[^1].End) result[^1] = result[^1] with { End = i.End };
            }
            else
            {
                result.Add(i);
            }
        }

        return result;
    }

    public static double Minutes(IEnumerable<TimeInterval> normalized) => normalized.Sum(i => i.Minutes);

    /// <summary>Minutes of <paramref name="interval"/> covered by the normalised set.</summary>
    public static double OverlapMinutes(IReadOnlyList<TimeInterval> normalized, TimeInterval interval)
    {
        var total = 0.0;
        for (var k = FirstEndingAfter(normalized, interval.Start); k < normalized.Count && normalized[k].Start < interval.End; k++)
        {
            var s = Max(normalized[k].Start, interval.Start);
            var e = Min(normalized[k].End, interval.End);
            if (e > s) total += (e - s).TotalMinutes;
        }

        return total;
    }

    public static List<TimeInterval> Clip(IReadOnlyList<TimeInterval> normalized, TimeInterval range)
    {
        var result = new List<TimeInterval>();
        for (var k = FirstEndingAfter(normalized, range.Start); k < normalized.Count && normalized[k].Start < range.End; k++)
        {
            var s = Max(normalized[k].Start, range.Start);
            var e = Min(normalized[k].End, range.End);
            if (e > s) result.Add(new TimeInterval(s, e));
        }

        return result;
    }

    public static List<TimeInterval> Intersect(IReadOnlyList<TimeInterval> a, IReadOnlyList<TimeInterval> b)
    {
        var result = new List<TimeInterval>();
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var s = Max(a[i].Start, b[j].Start);
            var e = Min(a[i].End, b[j].End);
            if (e > s) result.Add(new TimeInterval(s, e));
            if (a[i].End < b[j].End) i++;
            else j++;
        }

        return result;
    }

    public static List<TimeInterval> Subtract(IReadOnlyList<TimeInterval> a, IReadOnlyList<TimeInterval> b)
    {
        var result = new List<TimeInterval>();
        var j = 0;
        foreach (var x in a)
        {
            var start = x.Start;
            while (j < b.Count && b[j].End <= start) j++;
            var k = j;
            while (k < b.Count && b[k].Start < x.End)
            {
                if (b[k].Start > start) result.Add(new TimeInterval(start, b[k].Start));
                if (b[k].End > start) start = b[k].End;
                k++;
            }

            if (x.End > start) result.Add(new TimeInterval(start, x.End));
        }

        return result;
    }

    private static int FirstEndingAfter(IReadOnlyList<TimeInterval> normalized, DateTimeOffset instant)
    {
        int lo = 0, hi = normalized.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (normalized[mid].End <= instant) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    internal static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    internal static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
