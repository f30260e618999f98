using System.Globalization;
using System.Net;
using System.Text;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// A service report with the improvement items still open, as CSV (objectives, a blank line, downtime intervals, a blank
/// line, open improvement items) or as the printable HTML page with a section of open improvement items.
/// </summary>
internal static class SlaReportRendering
{
    public static string Csv(ServiceReport report, IReadOnlyList<ImprovementItem> openItems)
    {
        var sb = new StringBuilder(ServiceReportCsv.Objectives(report)).Append("\r\n").Append(ServiceReportCsv.Downtimes(report)).Append("\r\n");
        sb.Append("improvement_item,slo,period,outcome,status,owner,due_date,title,root_causes\r\n");
        foreach (var i in openItems)
        {
            string[] fields = [i.Id, i.Slo, i.Period, i.Outcome.ToString(), i.Status.ToString(), i.Owner ?? "", i.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                i.Title, string.Join(";", i.RootCauses.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.RootCause}={c.Minutes:0.##}")))];
            sb.Append(string.Join(",", fields.Select(ServiceReportCsv.Escape))).Append("\r\n");
        }

        return sb.ToString();
    }

    public static string Html(ServiceReport report, IReadOnlyList<ImprovementItem> openItems)
    {
        var page = ServiceReportHtml.Render(report);
        var sb = new StringBuilder("<h2>Open improvement items</h2>\n");
        if (openItems.Count == 0)
        {
            sb.Append("<p class=\"note\">None.</p>\n");
        }
        else
        {
            sb.Append("<table><tr><th>Item</th><th>What was missed</th><th>Root causes</th><th>Owner</th><th>Due</th><th>Status</th></tr>\n");
            foreach (var i in openItems)
            {
                var causes = string.Join(", ", i.RootCauses.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.RootCause} ({c.Minutes:0.#} min)")));
                sb.Append("<tr><td>").Append(E(i.Id)).Append("</td><td>").Append(E(i.Title)).Append("</td><td>").Append(E(causes))
                    .Append("</td><td>").Append(E(i.Owner ?? "unassigned")).Append("</td><td>").Append(i.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Append("</td><td>").Append(E(i.Status.ToString())).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        var end = page.LastIndexOf("</body>", StringComparison.Ordinal);
        return end < 0 ? page + sb : page.Insert(end, sb.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
