using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Measurement periods as instants: they start and end at local midnight in the SLA's zone, so a month in Europe/Berlin
/// starts at 23:00 or 22:00 UTC and March and October are an hour shorter and longer.
/// </summary>
internal static class MeasurementPeriods
{
    public static TimeInterval Containing(MeasurementPeriod period, TimeZoneInfo zone, DateTimeOffset instant)
    {
        var date = ZoneClock.LocalDate(instant, zone);
        var (first, next) = period.Kind switch
        {
            PeriodKind.Month => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1)),
            PeriodKind.Week => WeekOf(date),
            PeriodKind.Quarter => QuarterOf(date),
            PeriodKind.Rolling => (date.AddDays(1 - Math.Max(1, period.RollingDays)), date.AddDays(1)),
            _ => throw new ArgumentOutOfRangeException(nameof(period)),
        };
        return new TimeInterval(ZoneClock.StartOfDay(first, zone), ZoneClock.StartOfDay(next, zone));
    }

    public static TimeInterval Previous(MeasurementPeriod period, TimeZoneInfo zone, TimeInterval current) =>
        Containing(period, zone, current.Start.AddTicks(-1));

    public static TimeInterval Next(MeasurementPeriod period, TimeZoneInfo zone, TimeInterval current) =>
        Containing(period, zone, current.End);

    /// <summary>The <paramref name="count"/> periods up to and including the one containing <paramref name="instant"/>, oldest first.</summary>
    public static List<TimeInterval> Last(MeasurementPeriod period, TimeZoneInfo zone, DateTimeOffset instant, int count)
    {
        var result = new List<TimeInterval>();
        var p = Containing(period, zone, instant);
        for (var i = 0; i < count; i++)
        {
            result.Add(p);
            p = Previous(period, zone, p);
        }

        result.Reverse();
        return result;
    }

    /// <summary>How many monthly fees one period is worth: 1 a month, 3 a quarter, 12/52 a week, N*12/365 for N rolling days.</summary>
    public static decimal FeeFactor(MeasurementPeriod period) => period.Kind switch
    {
        PeriodKind.Month => 1m,
        PeriodKind.Quarter => 3m,
        PeriodKind.Week => 12m / 52m,
        PeriodKind.Rolling => period.RollingDays * 12m / 365m,
        _ => 1m,
    };

    /// <summary>A short label of the period in local time, e.g. 2026-11, 2026-Q4, 2026-W48, 2026-11-05..2026-12-04.</summary>
    public static string Label(MeasurementPeriod period, TimeZoneInfo zone, TimeInterval interval)
    {
        var first = ZoneClock.LocalDate(interval.Start, zone);
        var last = ZoneClock.LocalDate(interval.End, zone).AddDays(-1);
        return period.Kind switch
        {
            PeriodKind.Month => $"{first:yyyy-MM}",
            PeriodKind.Quarter => $"{first.Year}-Q{((first.Month - 1) / 3) + 1}",
            PeriodKind.Week => $"{System.Globalization.ISOWeek.GetYear(first.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(first.ToDateTime(TimeOnly.MinValue)):00}",
            _ => $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}",
        };
    }

    private static (DateOnly, DateOnly) WeekOf(DateOnly date)
    {
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(7));
    }

    private static (DateOnly, DateOnly) QuarterOf(DateOnly date)
    {
        var first = new DateOnly(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1);
        return (first, first.AddMonths(3));
    }
}
