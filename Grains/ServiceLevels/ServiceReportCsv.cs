using System.Globalization;
using System.Text;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>CSV renderings of a service report (RFC 4180, invariant culture, ISO 8601 instants in UTC).</summary>
internal static class ServiceReportCsv
{
    /// <summary>One row per objective and scope (service "*" = the SLA as a whole).</summary>
    public static string Objectives(ServiceReport report)
    {
        var sb = new StringBuilder();
        Row(sb, "sla", "version", "period_start", "period_end", "slo", "kind", "service", "achieved", "target", "minimum", "unit", "outcome",
            "scheduled_min", "measured_min", "down_min", "partial_min", "counted_downtime_min", "excluded_min",
            "budget_total", "budget_used", "budget_remaining", "budget_unit", "samples");
        foreach (var r in report.Results)
        {
            Row(sb, report.SlaId, Num(report.Version), Time(r.Period.Start), Time(r.Period.End), r.Slo, r.Kind.ToString(), r.Service ?? "*",
                r.Achieved is { } a ? Num(a) : "", Num(r.Target), Num(r.Minimum), r.Unit, r.Outcome.ToString(),
                Num(r.ScheduledMinutes), Num(r.MeasuredMinutes), Num(r.DownMinutes), Num(r.PartialMinutes), Num(r.CountedDowntimeMinutes),
                Num(r.ExcludedMinutes), Num(r.Budget.Total), Num(r.Budget.Used), Num(r.Budget.Remaining), r.Budget.Unit, Num(r.Samples));
        }

        return sb.ToString();
    }

    /// <summary>One row per downtime interval (or outage, for time to restore) of every objective and scope.</summary>
    public static string Downtimes(ServiceReport report)
    {
        var sb = new StringBuilder();
        Row(sb, "sla", "slo", "scope", "start", "end", "status", "fraction", "counted_min", "excluded_min", "reason", "root_causes");
        foreach (var r in report.Results)
        {
            foreach (var d in r.Downtimes)
            {
                Row(sb, report.SlaId, r.Slo, r.Service ?? "*", Time(d.Start), Time(d.End), d.Status.ToString(), Num(d.Fraction),
                    Num(d.CountedMinutes), Num(d.ExcludedMinutes), d.Reason, string.Join(";", d.RootCauses));
            }
        }

        return sb.ToString();
    }

    internal static string Escape(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    private static void Row(StringBuilder sb, params string[] fields) => sb.Append(string.Join(",", fields.Select(Escape))).Append("\r\n");

    private static string Num(double v) => Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
