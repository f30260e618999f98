using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

/// <summary>
/// A deliberately naive availability reference: walks the period minute by minute, asks the zone what its clocks show,
/// and checks every rule directly. Written from the product rules, independently of the interval arithmetic under test.
/// Correct whenever every boundary falls on a whole minute.
/// </summary>
internal static class MinuteReference
{
    internal sealed record Figures(double Scheduled, double Measured, double Down, double Partial, double Counted, double Excluded);

    public static bool InWindows(DateTime local, IReadOnlyList<ServiceWindow> windows, IReadOnlyCollection<DateOnly> holidays)
    {
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var yesterday = date.AddDays(-1);
        foreach (var w in windows)
        {
            var today = w.Days.Contains(date.DayOfWeek) && !holidays.Contains(date);
            var fromYesterday = w.Days.Contains(yesterday.DayOfWeek) && !holidays.Contains(yesterday);
            if (w.To > w.From)
            {
                if (today && time >= w.From && time < w.To) return true;
            }
            else
            {
                if (today && time >= w.From) return true;
                if (fromYesterday && time < w.To) return true;
            }
        }

        return false;
    }

    public static bool InService(DateTimeOffset minute, TimeZoneInfo zone, ServiceHours hours)
    {
        if (hours.Always) return !hours.Holidays.Contains(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(minute, zone).DateTime));
        return InWindows(TimeZoneInfo.ConvertTime(minute, zone).DateTime, hours.Windows, hours.Holidays);
    }

    public static HealthStatus StatusAt(IReadOnlyList<StatusChange> timeline, DateTimeOffset minute)
    {
        var status = HealthStatus.Unknown;
        foreach (var c in timeline.OrderBy(c => c.At))
        {
            if (c.At <= minute) status = c.Status;
        }

        return status;
    }

    public static double Weight(SloDefinition slo, HealthStatus status)
    {
        if (slo.Downtime.IsDefaultOrEmpty) return status == HealthStatus.Critical ? 1 : 0;
        return slo.Downtime.Where(d => d.Status == status).Select(d => d.Fraction).DefaultIfEmpty(0).Single();
    }

    public static Figures Availability(
        SloDefinition slo, TimeZoneInfo zone, ServiceHours hours, IReadOnlyList<TimeInterval> maintenance, IReadOnlyList<ServiceWindow> recurring,
        TimeInterval period, DateTimeOffset asOf, IReadOnlyList<IReadOnlyList<StatusChange>> timelines)
    {
        double scheduled = 0, measured = 0, down = 0, partial = 0, counted = 0, excluded = 0;
        for (var t = period.Start; t < period.End; t = t.AddMinutes(1))
        {
            if (!InService(t, zone, hours)) continue;
            scheduled++;
            if (t >= asOf) continue;
            measured++;
            var weight = timelines.Count == 0 ? Weight(slo, HealthStatus.Unknown) : timelines.Max(tl => Weight(slo, StatusAt(tl, t)));
            if (weight <= 0) continue;
            var inMaintenance = maintenance.Any(m => m.Contains(t)) || InWindows(TimeZoneInfo.ConvertTime(t, zone).DateTime, recurring, []);
            if (inMaintenance)
            {
                excluded++;
                continue;
            }

            counted += weight;
            if (weight >= 1) down++;
            else partial++;
        }

        return new Figures(scheduled, measured, down, partial, counted, excluded);
    }
}
