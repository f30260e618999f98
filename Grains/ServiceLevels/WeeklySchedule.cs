using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Weekly local-time windows in a time zone (service hours, recurring maintenance) turned into instants. A window belongs
/// to the local date it starts on; windows starting on an excluded date (holiday) are dropped. An instant is inside when
/// the zone's clocks show a time inside a window (see <see cref="ZoneClock"/> for DST).
/// </summary>
internal sealed class WeeklySchedule
{
    private static readonly ImmutableArray<ServiceWindow> WholeWeek =
        [new ServiceWindow([.. Enum.GetValues<DayOfWeek>()], TimeOnly.MinValue, TimeOnly.MinValue)];

    private readonly ImmutableArray<ServiceWindow> _windows;
    private readonly HashSet<DateOnly> _excludedDates;
    private readonly TimeZoneInfo _zone;

    public WeeklySchedule(IEnumerable<ServiceWindow> windows, IEnumerable<DateOnly> excludedDates, TimeZoneInfo zone)
    {
        _windows = [.. windows];
        _excludedDates = [.. excludedDates];
        _zone = zone;
    }

    public static WeeklySchedule For(ServiceHours hours, TimeZoneInfo zone) =>
        new(hours.Always ? WholeWeek : hours.Windows, hours.Holidays.IsDefault ? [] : hours.Holidays, zone);

    /// <summary>The scheduled instants inside <paramref name="range"/>, normalised.</summary>
    public List<TimeInterval> Intervals(TimeInterval range)
    {
        var pieces = new List<TimeInterval>();
        if (range.End <= range.Start || _windows.IsEmpty) return pieces;
        foreach (var (segment, offset) in ZoneClock.OffsetSegments(range, _zone))
        {
            var localStart = segment.Start.UtcDateTime + offset;
            var localEnd = segment.End.UtcDateTime + offset;
            for (var date = DateOnly.FromDateTime(localStart).AddDays(-1); date.ToDateTime(TimeOnly.MinValue) < localEnd; date = date.AddDays(1))
            {
                if (_excludedDates.Contains(date)) continue;
                foreach (var w in _windows)
                {
                    if (!w.Days.Contains(date.DayOfWeek)) continue;
                    var ws = date.ToDateTime(w.From);
                    var we = (w.CrossesMidnight ? date.AddDays(1) : date).ToDateTime(w.To);
                    var s = ws > localStart ? ws : localStart;
                    var e = we < localEnd ? we : localEnd;
                    if (e > s) pieces.Add(new TimeInterval(new DateTimeOffset(s - offset, TimeSpan.Zero), new DateTimeOffset(e - offset, TimeSpan.Zero)));
                }
            }
        }

        return IntervalSet.Normalize(pieces);
    }
}
