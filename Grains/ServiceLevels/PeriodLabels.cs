using System.Globalization;
using System.Text.RegularExpressions;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Finds the measurement period a label names, in the SLA's zone: <c>2026-11</c> (month), <c>2026-Q4</c> (quarter),
/// <c>2026-W48</c> (ISO week) or a date <c>2026-11-15</c>; each means the SLA's period containing the label's first day,
/// so a monthly SLA answers <c>2026-11</c> with November and a weekly one with the week of 1 November. Empty: the period
/// containing <c>now</c>.
/// </summary>
internal static partial class PeriodLabels
{
    public const string Formats = "yyyy-MM, yyyy-Qn, yyyy-Www or yyyy-MM-dd";

    public static TimeInterval? Find(string? label, MeasurementPeriod period, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(label)) return MeasurementPeriods.Containing(period, zone, now);
        var day = FirstDay(label.Trim());
        return day is null ? null : MeasurementPeriods.Containing(period, zone, ZoneClock.StartOfDay(day.Value, zone));
    }

    private static DateOnly? FirstDay(string label)
    {
        if (DateOnly.TryParseExact(label, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DateOnly.TryParseExact(label + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month;
        if (QuarterPattern().Match(label) is { Success: true } q)
        {
            return new DateOnly(int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture), ((q.Groups[2].Value[0] - '1') * 3) + 1, 1);
        }

        if (WeekPattern().Match(label) is { Success: true } w)
        {
            var year = int.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture);
            var week = int.Parse(w.Groups[2].Value, CultureInfo.InvariantCulture);
            if (week < 1 || week > ISOWeek.GetWeeksInYear(year)) return null;
            return DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        }

        return null;
    }

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex WeekPattern();
}
