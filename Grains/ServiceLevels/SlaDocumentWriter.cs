using System.Globalization;
using System.Text;
using System.Text.Json;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Writes an SLA as the JSON document <see cref="SlaDocumentReader.ReadSingleSla"/> reads back to the same terms, so an SLA
/// fetched from the API can be edited and put back. Maintenance instants are written with their UTC offset.
/// </summary>
internal static class SlaDocumentWriter
{
    public static string Write(SlaDefinition sla)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("id", sla.Id);
            w.WriteString("name", sla.Name);
            w.WriteString("customer", sla.Customer);
            if (sla.Template is not null) w.WriteString("template", sla.Template);
            w.WriteString("state", Camel(sla.State));
            WriteServices(w, sla.Services);
            w.WriteString("timeZone", sla.TimeZone);
            w.WriteString("period", Camel(sla.Period.Kind));
            if (sla.Period.Kind == PeriodKind.Rolling) w.WriteNumber("rollingDays", sla.Period.RollingDays);
            WriteServiceHours(w, sla.ServiceHours);
            WriteMaintenance(w, sla);
            w.WriteStartArray("slos");
            foreach (var slo in sla.Slos) WriteSlo(w, slo);
            w.WriteEndArray();
            if (sla.Credits is { } credits) WriteCredits(w, credits);
            if (sla.Fee is { } fee)
            {
                w.WriteStartObject("fee");
                w.WriteNumber("monthly", fee.Monthly);
                w.WriteString("currency", fee.Currency);
                w.WriteEndObject();
            }

            w.WriteStartArray("burnRateAlerts");
            foreach (var b in Items(sla.BurnRateAlerts))
            {
                w.WriteStartObject();
                w.WriteString("long", Duration(b.Long));
                w.WriteString("short", Duration(b.Short));
                w.WriteNumber("factor", b.Factor);
                w.WriteString("severity", b.Severity);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (!sla.SpecialTerms.IsDefaultOrEmpty) Strings(w, "specialTerms", sla.SpecialTerms);
            w.WriteNumber("baselineDays", sla.BaselineDays);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteServices(Utf8JsonWriter w, ServiceSelector services)
    {
        w.WriteStartObject("services");
        if (!services.Ids.IsDefaultOrEmpty) Strings(w, "ids", services.Ids);
        if (services.Tags.Count > 0)
        {
            w.WriteStartObject("tags");
            foreach (var (key, value) in services.Tags) w.WriteString(key, value);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteServiceHours(Utf8JsonWriter w, ServiceHours hours)
    {
        if (hours.Always)
        {
            w.WriteString("serviceHours", "24x7");
            return;
        }

        w.WriteStartObject("serviceHours");
        w.WriteStartArray("windows");
        foreach (var window in Items(hours.Windows)) WriteWindow(w, window, null);
        w.WriteEndArray();
        if (!hours.Holidays.IsDefaultOrEmpty) Strings(w, "holidays", [.. hours.Holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        w.WriteEndObject();
    }

    private static void WriteMaintenance(Utf8JsonWriter w, SlaDefinition sla)
    {
        var absolute = Items(sla.MaintenanceIntervals);
        var recurring = Items(sla.MaintenanceRecurring);
        if (absolute.Length == 0 && recurring.Length == 0) return;
        w.WriteStartArray("maintenance");
        foreach (var m in absolute)
        {
            w.WriteStartObject();
            w.WriteString("start", m.Start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
            w.WriteString("end", m.End.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        foreach (var window in recurring) WriteWindow(w, window, null);
        w.WriteEndArray();
    }

    private static void WriteWindow(Utf8JsonWriter w, ServiceWindow window, string? name)
    {
        if (name is null) w.WriteStartObject();
        else w.WriteStartObject(name);
        Strings(w, "days", [.. Items(window.Days).Select(d => d.ToString().ToLowerInvariant())]);
        w.WriteString("from", window.From.ToString("HH:mm", CultureInfo.InvariantCulture));
        w.WriteString("to", window.To.ToString("HH:mm", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static void WriteSlo(Utf8JsonWriter w, SloDefinition slo)
    {
        w.WriteStartObject();
        w.WriteString("name", slo.Name);
        w.WriteString("kind", Camel(slo.Kind));
        w.WriteNumber("target", slo.Target);
        w.WriteNumber("minimum", slo.Minimum);
        if (!slo.Downtime.IsDefaultOrEmpty)
        {
            w.WriteStartObject("downtime");
            foreach (var d in slo.Downtime) w.WriteNumber(d.Status.ToString().ToLowerInvariant(), d.Fraction);
            w.WriteEndObject();
        }

        if (slo.Metric is not null) w.WriteString("metric", slo.Metric);
        if (slo.Kind == SloKind.ResponseTime) w.WriteNumber("percentile", slo.Percentile);
        if (slo.Kind == SloKind.TimeToRestore) w.WriteString("statistic", Camel(slo.Statistic));
        w.WriteEndObject();
    }

    private static void WriteCredits(Utf8JsonWriter w, CreditPolicy credits)
    {
        w.WriteStartObject("credits");
        w.WriteString("slo", credits.Slo);
        w.WriteStartArray("tiers");
        foreach (var tier in Items(credits.Tiers))
        {
            w.WriteStartObject();
            w.WriteNumber("worseThan", tier.WorseThan);
            w.WriteNumber("percent", tier.Percent);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("capPercent", credits.CapPercent);
        if (credits.EarnBack is { } earnBack)
        {
            w.WriteStartObject("earnBack");
            w.WriteNumber("periods", earnBack.Periods);
            w.WriteNumber("level", earnBack.Level);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static T[] Items<T>(System.Collections.Immutable.ImmutableArray<T> items) => items.IsDefault ? [] : [.. items];

    private static string Duration(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerDay == 0 ? $"{(long)span.TotalDays}d"
        : span.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)span.TotalHours}h"
        : $"{(long)Math.Round(span.TotalMinutes)}m";

    private static string Camel<T>(T value)
        where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }
}
