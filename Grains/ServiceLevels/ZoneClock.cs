using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Wall-clock arithmetic in one time zone. An instant belongs to a local window when the zone's clocks show a time inside
/// it, so on the spring-forward day a window loses the skipped hour and on the fall-back day it may gain the repeated hour.
/// A local date-time is turned into the earliest instant at which the clocks show that time or later (a skipped 02:30
/// becomes the 03:00 of the jump; a repeated 02:30 its first occurrence).
/// </summary>
internal static class ZoneClock
{
    /// <summary>The zone for an IANA (or Windows) id, or null.</summary>
    public static TimeZoneInfo? Find(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Skipped by a forward jump: the first valid minute after it is the jump itself.
            var probe = local;
            do probe = probe.AddMinutes(1); while (zone.IsInvalidTime(probe));
            var offset = zone.GetUtcOffset(probe);
            var instant = new DateTimeOffset(probe - offset, TimeSpan.Zero);
            // The jump happened at a whole minute before probe; walk back to the earliest instant still showing >= local.
            while (true)
            {
                var earlier = instant.AddMinutes(-1);
                var shown = TimeZoneInfo.ConvertTime(earlier, zone).DateTime;
                if (shown < local) return instant;
                instant = earlier;
            }
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local - offsets.Max(), TimeSpan.Zero);
        }

        return new DateTimeOffset(local - zone.GetUtcOffset(local), TimeSpan.Zero);
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(instant, zone));

    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone) => ToInstant(date.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>Splits a range into pieces with a constant UTC offset (found by hourly probes refined by bisection).</summary>
    public static List<(TimeInterval Range, TimeSpan Offset)> OffsetSegments(TimeInterval range, TimeZoneInfo zone)
    {
        var result = new List<(TimeInterval, TimeSpan)>();
        var start = range.Start;
        var offset = zone.GetUtcOffset(start);
        var probe = start;
        while (probe < range.End)
        {
            var next = IntervalSet.Min(probe.AddHours(1), range.End);
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset != offset)
            {
                // The change lies in (probe, next]: bisect to the first tick with the new offset.
                long lo = probe.UtcTicks, hi = next.UtcTicks;
                while (hi - lo > 1)
                {
                    var mid = lo + ((hi - lo) / 2);
                    if (zone.GetUtcOffset(new DateTimeOffset(mid, TimeSpan.Zero)) == offset) lo = mid;
                    else hi = mid;
                }

                var change = new DateTimeOffset(hi, TimeSpan.Zero);
                if (change >= range.End) break;
                result.Add((new TimeInterval(start, change), offset));
                start = change;
                offset = nextOffset;
            }

            probe = next;
        }

        if (range.End > start) result.Add((new TimeInterval(start, range.End), offset));
        return result;
    }
}
