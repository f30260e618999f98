using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Which period a report request names and which SLA version it uses (the one in force when the period started), and the
/// report itself with its trend and earn-back: the <see cref="EarlierPeriods"/> periods before it are measured too, each
/// with its own version, except those that ended before anything was known (the first version took effect or data began).
/// </summary>
internal static class SlaReports
{
    public const int EarlierPeriods = 5;

    /// <summary>The period, version and zone of a report request, or why there is none.</summary>
    public static (TimeInterval? Period, SlaVersion? Version, TimeZoneInfo Zone, string? Error) Resolve(SlaLifecycle lifecycle, string? label, DateTimeOffset now)
    {
        var current = lifecycle.Current;
        var zone = ZoneClock.Find(current.TimeZone) ?? TimeZoneInfo.Utc;
        var period = PeriodLabels.Find(label, current.Period, zone, now);
        if (period is null) return (null, null, zone, $"'{label}' is not a period ({PeriodLabels.Formats})");
        var version = lifecycle.VersionFor(period);
        if (version.Definition.Period != current.Period || version.Definition.TimeZone != current.TimeZone)
        {
            // The period in force then had other terms: read the label with them.
            zone = ZoneClock.Find(version.Definition.TimeZone) ?? TimeZoneInfo.Utc;
            period = PeriodLabels.Find(label, version.Definition.Period, zone, now)!;
            version = lifecycle.VersionFor(period);
        }

        return period.Start > now
            ? (null, null, zone, $"the period {MeasurementPeriods.Label(version.Definition.Period, zone, period)} has not started yet")
            : (period, version, zone, null);
    }

    /// <summary>The report's period preceded by the earlier ones, oldest first.</summary>
    public static List<TimeInterval> Periods(SlaVersion version, TimeZoneInfo zone, TimeInterval period) =>
        MeasurementPeriods.Last(version.Definition.Period, zone, period.Start, EarlierPeriods + 1);

    /// <summary>The report of the last of <paramref name="periods"/>, measured as of <paramref name="now"/>.</summary>
    public static ServiceReport Build(SlaLifecycle lifecycle, IReadOnlyList<TimeInterval> periods, MeasurementData data, DateTimeOffset now)
    {
        var first = lifecycle.Versions[0].EffectiveFrom;
        var since = data.Earliest is { } earliest && earliest < first ? earliest : first;
        var levels = new List<PeriodLevel>();
        var credits = new List<CreditResult>();
        for (var i = 0; i < periods.Count - 1; i++)
        {
            if (periods[i].End <= since) continue;
            var earlier = Build(data, lifecycle.VersionFor(periods[i]), periods[i], now, [], []);
            levels.AddRange(earlier.History);
            if (earlier.Credit is { } credit) credits.Add(credit);
        }

        var period = periods[^1];
        return Build(data, lifecycle.VersionFor(period), period, now, levels, credits);
    }

    private static ServiceReport Build(MeasurementData data, SlaVersion version, TimeInterval period, DateTimeOffset now,
        IReadOnlyList<PeriodLevel> levels, IReadOnlyList<CreditResult> credits)
    {
        var (timelines, metrics, percent) = data.For(version.Definition);
        return ServiceReportBuilder.Build(version, period, now < period.End ? now : period.End, timelines, metrics, levels, credits, percent);
    }
}
