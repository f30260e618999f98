using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class ServiceReportTests
{
    private static readonly TimeInterval May = Span(Utc(2026, 5, 1), Utc(2026, 6, 1));
    private static readonly TimeInterval June = Span(Utc(2026, 6, 1), Utc(2026, 7, 1));

    private static ServiceReport JuneReport()
    {
        var sla = Definition(
            slos: [Availability(99.9, 99.5), ErrorRate()],
            credits: new CreditPolicy("availability", [new(99.9, 5), new(99.5, 10)], 20, new EarnBackRule(1, 99.95)),
            fee: new Fee(10000m, "EUR"));
        var timelines = new Dictionary<string, IReadOnlyList<StatusChange>>
        {
            ["svc-webshop"] = [Change(Utc(2026, 6, 1), HealthStatus.Ok), Change(Utc(2026, 6, 10, 8), HealthStatus.Critical, "db-primary"), Change(Utc(2026, 6, 10, 9), HealthStatus.Ok)],
            ["svc-payments"] = [Change(Utc(2026, 6, 1), HealthStatus.Ok), Change(Utc(2026, 6, 20, 8), HealthStatus.Critical, "psp <gateway>"), Change(Utc(2026, 6, 20, 8, 20), HealthStatus.Ok)],
        };
        var metrics = new Dictionary<(string, string), IReadOnlyList<MetricBucket>>
        {
            [("svc-webshop", "http.requests")] = [new MetricBucket(Utc(2026, 6, 3, 9), 10000, 5, [])],
        };
        PeriodLevel[] earlier = [new("availability", May, 99.7, 99.9, SloOutcome.Missed)];
        CreditResult[] earlierCredits = [new(May, "availability", 99.7, 99.9, 5, 10000m, 500m, "EUR")];

        return ServiceReportBuilder.Build(new SlaVersion(2, Utc(2026, 1, 1), sla), June, Utc(2026, 7, 2), timelines, metrics, earlier, earlierCredits);
    }

    [Fact]
    public void Build_MonthWithTwoOutages_HasFiguresCreditEarnBackAndProposal()
    {
        var r = JuneReport();

        var availability = r.Results.First(x => x.Slo == "availability" && x.Service is null);
        Assert.Equal(80, availability.CountedDowntimeMinutes, 9);
        Assert.Equal(100.0 * (43200 - 80) / 43200, availability.Achieved!.Value, 9);
        Assert.Equal(6, r.Results.Length);
        Assert.Equal(["db-primary", "psp <gateway>"], r.DowntimeByRootCause.Select(c => c.RootCause));
        Assert.Equal(500m, r.Credit!.Amount);
        Assert.Equal([EarnBackState.Payable, EarnBackState.Pending], r.EarnBack.Select(t => t.State));
        Assert.Equal(June, r.EarnBack[0].FailedIn);
        var proposal = Assert.Single(r.Improvements);
        Assert.Equal("availability", proposal.Slo);
        Assert.Equal([May, June, June], r.History.Select(h => h.Period));
        Assert.Equal(2, r.Version);
    }

    [Fact]
    public void Objectives_Report_HasAHeaderAndOneRowPerResult()
    {
        var r = JuneReport();

        var lines = ServiceReportCsv.Objectives(r).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(r.Results.Length + 1, lines.Length);
        Assert.StartsWith("sla,version,period_start,period_end,slo,kind,service,achieved", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("sla-test,2,2026-06-01T00:00:00Z,2026-07-01T00:00:00Z,availability,Availability,*,99.8148,99.9,99.5,%,Missed", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Downtimes_Report_HasOneRowPerIntervalAndQuotesWhenNeeded()
    {
        var csv = ServiceReportCsv.Downtimes(JuneReport());

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 2 + 1 + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("sla-test,availability,*,2026-06-20T08:00:00Z,2026-06-20T08:20:00Z,Critical,1,20,0,svc-payments: Critical at 08:00,psp <gateway>", StringComparison.Ordinal));
        Assert.Equal("\"a,\"\"b\"\"\"", ServiceReportCsv.Escape("a,\"b\""));
    }

    [Fact]
    public void Render_Report_IsSelfContainedPrintableHtmlWithCharts()
    {
        var html = ServiceReportHtml.Render(JuneReport());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<svg").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("psp &lt;gateway&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("psp <gateway>", html, StringComparison.Ordinal);
        Assert.Contains("500.00 EUR", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PeriodWithoutDowntimeOrCredits_SaysSo()
    {
        var sla = Definition();
        var report = ServiceReportBuilder.Build(new SlaVersion(1, Utc(2026, 1, 1), sla), June, Utc(2026, 7, 2),
            new Dictionary<string, IReadOnlyList<StatusChange>> { ["svc-webshop"] = [Change(Utc(2026, 5, 1), HealthStatus.Ok)] }, null, [], []);

        var html = ServiceReportHtml.Render(report);

        Assert.Null(report.Credit);
        Assert.Contains("No downtime counted in this period.", html, StringComparison.Ordinal);
        Assert.Contains("This SLA has no credit table.", html, StringComparison.Ordinal);
        Assert.Contains("Every objective met its target.", html, StringComparison.Ordinal);
    }
}
