using System.Globalization;
using System.Net;
using System.Text;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// A self-contained, printable HTML page of a service report: inline CSS, inline SVG charts (each objective's level over
/// the last periods against its target; downtime by root cause), no scripts and nothing loaded from elsewhere.
/// Times are shown in the SLA's time zone.
/// </summary>
internal static class ServiceReportHtml
{
    private const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433;margin:2rem auto;max-width:60rem;padding:0 1rem}
        h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:1.8rem 0 .5rem;border-bottom:2px solid #e3e7ef;padding-bottom:.2rem}
        .meta{color:#5b6478}table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{padding:.3rem .5rem;border-bottom:1px solid #e3e7ef;text-align:left;vertical-align:top}
        th{background:#f4f6fa;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
        .b{display:inline-block;border-radius:.6rem;padding:0 .5rem;font-size:.85em;font-weight:600}
        .Met{background:#d8f3e1;color:#14622f}.Missed{background:#fff1cc;color:#7a5200}.Breached{background:#fbd9d9;color:#8a1414}.NoData{background:#e9ecf2;color:#4a5263}
        .charts{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0}figcaption{font-weight:600;margin-bottom:.2rem}
        svg text{font:11px system-ui,sans-serif;fill:#4a5263}.note{color:#5b6478;font-size:.9em}
        @media print{body{margin:0;max-width:none}h2{break-after:avoid}table,figure{break-inside:avoid}}
        """;

    public static string Render(ServiceReport report)
    {
        var zone = ZoneClock.Find(report.TimeZone) ?? TimeZoneInfo.Utc;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"Service report {report.SlaName} {Day(report.Period.Start, zone)}")).Append("</title><style>").Append(Css).Append("</style></head><body>\n");
        sb.Append("<h1>").Append(E(report.SlaName)).Append("</h1>\n<p class=\"meta\">")
            .Append(E($"Customer {report.Customer} · SLA {report.SlaId} version {report.Version} · period {Day(report.Period.Start, zone)} to {Day(report.Period.End.AddTicks(-1), zone)} ({report.TimeZone}) · generated {Local(report.GeneratedAt, zone)}"))
            .Append("</p>\n");

        sb.Append("<h2>Objectives</h2>\n<table><tr><th>Objective</th><th>Scope</th><th>Achieved</th><th>Target</th><th>Minimum</th><th>Outcome</th><th>Error budget used</th><th>Downtime (min)</th><th>Excluded (min)</th></tr>\n");
        foreach (var r in report.Results)
        {
            sb.Append("<tr><td>").Append(E(r.Slo)).Append("</td><td>").Append(E(r.Service ?? "all services")).Append("</td><td class=\"n\">")
                .Append(r.Achieved is { } a ? E($"{N(a)} {r.Unit}") : "–").Append("</td><td class=\"n\">").Append(E($"{N(r.Target)} {r.Unit}"))
                .Append("</td><td class=\"n\">").Append(E($"{N(r.Minimum)} {r.Unit}")).Append("</td><td><span class=\"b ").Append(r.Outcome).Append("\">")
                .Append(r.Outcome).Append("</span></td><td class=\"n\">")
                .Append(r.Kind == SloKind.TimeToRestore ? "–" : E($"{N(r.Budget.Used)} / {N(r.Budget.Total)} {r.Budget.Unit}"))
                .Append("</td><td class=\"n\">").Append(r.Kind == SloKind.Availability ? N(r.CountedDowntimeMinutes) : "–")
                .Append("</td><td class=\"n\">").Append(r.Kind == SloKind.Availability ? N(r.ExcludedMinutes) : "–").Append("</td></tr>\n");
        }

        sb.Append("</table>\n<h2>Trend</h2>\n<div class=\"charts\">\n");
        foreach (var group in report.History.GroupBy(h => h.Slo))
        {
            sb.Append("<figure><figcaption>").Append(E(group.Key)).Append("</figcaption>").Append(LevelChart([.. group], zone)).Append("</figure>\n");
        }

        sb.Append("</div>\n<h2>Downtime by root cause</h2>\n");
        sb.Append(report.DowntimeByRootCause.IsDefaultOrEmpty ? "<p class=\"note\">No downtime counted in this period.</p>\n" : RootCauseChart(report.DowntimeByRootCause));

        var downtimes = report.Results.Where(r => r.Service is null && r.Kind == SloKind.Availability).SelectMany(r => r.Downtimes.Select(d => (r.Slo, d))).ToList();
        if (downtimes.Count > 0)
        {
            sb.Append("<h2>Downtime</h2>\n<table><tr><th>Objective</th><th>From</th><th>To</th><th>Status</th><th>Counted (min)</th><th>Excluded (min)</th><th>Reason</th><th>Root causes</th></tr>\n");
            foreach (var (slo, d) in downtimes)
            {
                sb.Append("<tr><td>").Append(E(slo)).Append("</td><td>").Append(E(Local(d.Start, zone))).Append("</td><td>").Append(E(Local(d.End, zone)))
                    .Append("</td><td>").Append(E(d.Fraction < 1 ? $"{d.Status} (×{N(d.Fraction)})" : d.Status.ToString())).Append("</td><td class=\"n\">").Append(N(d.CountedMinutes))
                    .Append("</td><td class=\"n\">").Append(N(d.ExcludedMinutes)).Append("</td><td>").Append(E(d.Reason)).Append("</td><td>")
                    .Append(E(string.Join(", ", d.RootCauses))).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<h2>Service credit</h2>\n");
        if (report.Credit is { } c)
        {
            sb.Append("<p>").Append(E(c.Amount > 0
                ? $"{c.Slo} achieved {N(c.Achieved ?? 0)} %, worse than {N(c.WorseThan ?? 0)} %: credit {N(c.Percent)} % of the period fee {c.PeriodFee.ToString("0.00", CultureInfo.InvariantCulture)} {c.Currency} = {c.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {c.Currency}."
                : $"No credit: {c.Slo} met every credit tier.")).Append("</p>\n");
        }
        else
        {
            sb.Append("<p class=\"note\">This SLA has no credit table.</p>\n");
        }

        if (!report.EarnBack.IsDefaultOrEmpty)
        {
            sb.Append("<table><tr><th>Credit of period</th><th>Amount</th><th>Earn-back</th><th>Periods meeting the level</th><th>Failed in</th></tr>\n");
            foreach (var t in report.EarnBack)
            {
                sb.Append("<tr><td>").Append(E(Day(t.Credit.Period.Start, zone))).Append("</td><td class=\"n\">")
                    .Append(E($"{t.Credit.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {t.Credit.Currency}")).Append("</td><td>").Append(t.State)
                    .Append("</td><td>").Append(E(string.Join(", ", t.EarnedBy.Select(p => Day(p.Start, zone))))).Append("</td><td>")
                    .Append(E(t.FailedIn is { } f ? Day(f.Start, zone) : "")).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<h2>Service improvement proposals</h2>\n");
        if (report.Improvements.IsDefaultOrEmpty)
        {
            sb.Append("<p class=\"note\">Every objective met its target.</p>\n");
        }
        else
        {
            sb.Append("<table><tr><th>Proposal</th><th>Root causes</th><th>Due</th></tr>\n");
            foreach (var i in report.Improvements)
            {
                sb.Append("<tr><td><strong>").Append(E(i.Title)).Append("</strong><br>").Append(E(i.Description)).Append("</td><td>")
                    .Append(E(string.Join(", ", i.RootCauses.Select(r => $"{r.RootCause} {N(r.Percent)} %")))).Append("</td><td>")
                    .Append(i.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static string LevelChart(IReadOnlyList<PeriodLevel> levels, TimeZoneInfo zone)
    {
        const int w = 420, h = 180, left = 52, right = 30, top = 18, bottom = 28;
        var values = levels.Where(l => l.Achieved is not null).Select(l => l.Achieved!.Value).Append(levels[^1].Target).ToList();
        var lo = values.Min();
        var hi = values.Max();
        if (hi - lo < 1e-6)
        {
            lo -= 1;
            hi += 1;
        }

        var pad = (hi - lo) * 0.1;
        lo -= pad;
        hi += pad;
        double X(int i) => left + (levels.Count == 1 ? (w - left - right) / 2.0 : i * (w - left - right) / (double)(levels.Count - 1));
        double Y(double v) => top + ((hi - v) * (h - top - bottom) / (hi - lo));

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{top}\" width=\"{w - left - right}\" height=\"{h - top - bottom}\" fill=\"#fafbfd\" stroke=\"#e3e7ef\"/>");
        foreach (var v in new[] { hi - pad, lo + pad })
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\">{E(N(v))}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{w - right}\" y=\"12\" text-anchor=\"end\">{E($"achieved (line), target {N(levels[^1].Target)} (dashed)")}</text>");
        var targets = string.Join(" ", levels.Select((l, i) => $"{F(X(i))},{F(Y(l.Target))}"));
        sb.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{targets}\" fill=\"none\" stroke=\"#c0392b\" stroke-dasharray=\"5 4\"/>");
        var points = string.Join(" ", levels.Select((l, i) => (l, i)).Where(p => p.l.Achieved is not null).Select(p => $"{F(X(p.i))},{F(Y(p.l.Achieved!.Value))}"));
        sb.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\"/>");
        for (var i = 0; i < levels.Count; i++)
        {
            var l = levels[i];
            if (l.Achieved is { } a)
            {
                var color = l.Outcome switch { SloOutcome.Met => "#16a34a", SloOutcome.Missed => "#d97706", _ => "#dc2626" };
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(a))}\" r=\"3.5\" fill=\"{color}\"><title>{E($"{Day(l.Period.Start, zone)}: {N(a)}")}</title></circle>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{h - 10}\" text-anchor=\"middle\">{E(ZoneClock.LocalDate(l.Period.Start, zone).ToString(l.Period.Minutes < 27 * 1440 ? "dd MMM" : "MMM yy", CultureInfo.InvariantCulture))}</text>");
        }

        return sb.Append("</svg>").ToString();
    }

    private static string RootCauseChart(IReadOnlyList<RootCauseShare> causes)
    {
        const int w = 640, row = 24, label = 220;
        var shown = causes.Take(10).ToList();
        var max = shown.Max(c => c.Minutes);
        var h = (shown.Count * row) + 8;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\">");
        for (var i = 0; i < shown.Count; i++)
        {
            var c = shown[i];
            var y = 4 + (i * row);
            var bar = max > 0 ? c.Minutes / max * (w - label - 120) : 0;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{label - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{E(c.RootCause)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label}\" y=\"{y + 3}\" width=\"{F(Math.Max(bar, 1))}\" height=\"{row - 8}\" fill=\"#f97316\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(label + Math.Max(bar, 1) + 6)}\" y=\"{y + 15}\">{E($"{N(c.Minutes)} min ({c.Percent.ToString("0.#", CultureInfo.InvariantCulture)} %)")}</text>");
        }

        return sb.Append("</svg>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset t, TimeZoneInfo zone) => ZoneClock.LocalDate(t, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset t, TimeZoneInfo zone) => ZoneClock.ToLocal(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
