using System.Text.Json;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class SlaDocumentReaderTests
{
    private const string Valid = """
        slas:
          - id: sla-1
            customer: ACME
            services: [svc-webshop]
            timeZone: Europe/Berlin
            serviceHours:
              days: [mon, tue, wed]
              from: "08:00"
              to: "20:00"
            slos:
              - name: availability
                kind: availability
                target: 99.9
                minimum: 99.5
        """;

    private static SlaDocument Yaml(string text) => SlaDocumentReader.Read(text, DocumentFormat.Yaml);

    private static string Only(SlaDocument d) => Assert.Single(d.Problems).ToString();

    [Fact]
    public void Read_ValidYaml_GivesTheSlaWithDefaults()
    {
        var d = Yaml(Valid);

        var sla = Assert.Single(d.Slas);
        Assert.True(d.IsValid);
        Assert.Equal(("sla-1", "sla-1", SlaState.Draft, PeriodKind.Month), (sla.Id, sla.Name, sla.State, sla.Period.Kind));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday], sla.ServiceHours.Windows[0].Days);
        Assert.Equal(4, sla.BurnRateAlerts.Length);
        Assert.True(sla.Slos[0].Downtime.IsEmpty);
    }

    [Theory]
    [InlineData("target: 99.9", "target: 150", "slas[0].slos[0].target: must be between 0 and 100")]
    [InlineData("days: [mon, tue, wed]", "days: [mon, tue, Sonday]", "slas[0].serviceHours.days[2]: unknown day 'Sonday'")]
    [InlineData("minimum: 99.5", "minimum: 99.95", "slas[0].slos[0].minimum: must be at most the target (99.9)")]
    [InlineData("timeZone: Europe/Berlin", "timeZone: Europe/Bärlin", "slas[0].timeZone: unknown time zone 'Europe/Bärlin'")]
    [InlineData("kind: availability", "kind: uptime", "slas[0].slos[0].kind: unknown value 'uptime'")]
    [InlineData("from: \"08:00\"", "from: \"25:00\"", "slas[0].serviceHours.from: must be a time of day HH:mm")]
    [InlineData("target: 99.9", "taget: 99.9", "slas[0].slos[0].taget: unknown field")]
    [InlineData("target: 99.9", "target: high", "slas[0].slos[0].target: must be a number, not 'high'")]
    [InlineData("customer: ACME", "customer: [ACME]", "slas[0].customer: must be a non-empty string, not a list")]
    [InlineData("services: [svc-webshop]", "services: { ids: [] }", "slas[0].services: name at least one service id or tag")]
    [InlineData("minimum: 99.5", "minimum: 99.5\n        downtime: { major: 2 }", "slas[0].slos[0].downtime.major: must be a fraction greater than 0 and at most 1")]
    [InlineData("minimum: 99.5", "minimum: 99.5\n        downtime: { broken: 1 }", "slas[0].slos[0].downtime.broken: unknown status 'broken'")]
    [InlineData("minimum: 99.5", "minimum: 99.5\n        percentile: 95", "slas[0].slos[0].percentile: only for responseTime objectives")]
    [InlineData("timeZone: Europe/Berlin", "timeZone: Europe/Berlin\n    period: rolling", "slas[0].rollingDays: is required")]
    [InlineData("timeZone: Europe/Berlin", "timeZone: Europe/Berlin\n    period: fortnight", "slas[0].period: unknown value 'fortnight' (use month, week, quarter, rolling)")]
    [InlineData("customer: ACME", "customer: ACME\n    fee: { monthly: 1e30, currency: EUR }", "slas[0].fee.monthly: is too large")]
    [InlineData("customer: ACME", "customer: ACME\n    fee: { monthly: 100, currency: euro }", "slas[0].fee.currency: must be a three-letter ISO 4217 code")]
    [InlineData("customer: ACME", "customer: ACME\n    maintenance:\n      - { start: 2026-12-13T05:00, end: 2026-12-13T01:00 }", "slas[0].maintenance[0].end: must be after start")]
    [InlineData("customer: ACME", "customer: ACME\n    credits: { slo: uptime, tiers: [{ worseThan: 99.9, percent: 5 }] }", "slas[0].credits.slo: no objective named 'uptime'")]
    [InlineData("customer: ACME", "customer: ACME\n    credits: { tiers: [{ worseThan: 99.9, percent: 5 }] }", "slas[0].fee: is required when the SLA has credits")]
    [InlineData("customer: ACME", "customer: ACME\n    burnRateAlerts: [{ long: 5m, short: 1h, factor: 14.4 }]", "slas[0].burnRateAlerts[0].short: must be shorter than the long window")]
    [InlineData("customer: ACME", "customer: ACME\n    burnRateAlerts: [{ long: 1 hour, short: 5m, factor: 14.4 }]", "slas[0].burnRateAlerts[0].long: must be a duration such as 5m, 6h or 3d")]
    [InlineData("    customer: ACME\n", "", "slas[0].customer: is required")]
    public void Read_OneBadField_NamesItsPath(string replace, string with, string expected)
    {
        var d = Yaml(Valid.Replace(replace, with, StringComparison.Ordinal));

        Assert.Contains(d.Problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
        Assert.InRange(d.Problems.Length, 1, 2);
        Assert.Empty(d.Slas);
    }

    [Fact]
    public void Read_ManyProblems_ListsEveryOneAndAppliesNothing()
    {
        var text = Valid.Replace("target: 99.9", "target: 150", StringComparison.Ordinal)
            .Replace("days: [mon, tue, wed]", "days: [mon, Sonday, Funday]", StringComparison.Ordinal)
            + """

              - id: sla-1
                customer: Other
                services: [svc-crm]
                timeZone: UTC
                slos: []
            """;

        var d = Yaml(text);

        Assert.Equal(
            [
                "slas[0].serviceHours.days[1]", "slas[0].serviceHours.days[2]", "slas[0].slos[0].target", "slas[1].slos", "slas[1].id",
            ],
            d.Problems.Select(p => p.Path));
        Assert.Empty(d.Slas);
    }

    [Fact]
    public void Read_MalformedYaml_ReportsTheLine()
    {
        var d = Yaml("slas:\n  - id: a\n    customer: [unclosed\n    services: x\n");

        Assert.Matches(@"^malformed YAML at line 3, column \d+: ", Only(d));
    }

    [Fact]
    public void Read_DuplicateYamlKey_ReportsItsLine()
    {
        var d = Yaml("slas:\n  - id: a\n    id: b\n");

        Assert.Equal("malformed YAML at line 3, column 5: duplicate key 'id'", Only(d));
    }

    [Fact]
    public void Read_MalformedJson_ReportsTheLine()
    {
        var d = SlaDocumentReader.Read("{\n  \"slas\": [\n    { \"id\": \"a\" \n  ]\n}", DocumentFormat.Json);

        Assert.StartsWith("malformed JSON at line 4", Only(d), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameDocumentAsJson_GivesTheSameSla()
    {
        const string json = """
            { "slas": [ { "id": "sla-1", "customer": "ACME", "services": ["svc-webshop"], "timeZone": "Europe/Berlin",
              "serviceHours": { "days": ["mon", "tue", "wed"], "from": "08:00", "to": "20:00" },
              "slos": [ { "name": "availability", "kind": "availability", "target": 99.9, "minimum": 99.5 } ] } ] }
            """;

        var fromJson = Assert.Single(SlaDocumentReader.Read(json, DocumentFormat.Json).Slas);
        var fromYaml = Assert.Single(Yaml(Valid).Slas);

        Assert.Equal(JsonSerializer.Serialize(fromYaml), JsonSerializer.Serialize(fromJson));
    }

    [Fact]
    public void Read_LocalMaintenanceTimes_AreInTheSlaTimeZone()
    {
        var d = Yaml(Valid.Replace("customer: ACME", "customer: ACME\n    maintenance:\n      - { start: 2026-12-13T01:00, end: 2026-12-13T05:00 }\n      - { start: 2026-12-14T01:00:00Z, end: 2026-12-14T02:00:00Z }", StringComparison.Ordinal));

        var sla = Assert.Single(d.Slas);
        Assert.Equal([Span(Utc(2026, 12, 13, 0), Utc(2026, 12, 13, 4)), Span(Utc(2026, 12, 14, 1), Utc(2026, 12, 14, 2))], sla.MaintenanceIntervals);
    }

    [Fact]
    public void Read_DowntimeWeightsAndShorthands_AreUnderstood()
    {
        var d = Yaml(Valid
            .Replace("minimum: 99.5", "minimum: 99.5\n        downtime: { critical: 1, major: 0.5 }", StringComparison.Ordinal)
            .Replace("days: [mon, tue, wed]", "days: [weekdays, Saturday]", StringComparison.Ordinal)
            .Replace("to: \"20:00\"", "to: \"24:00\"", StringComparison.Ordinal));

        var sla = Assert.Single(d.Slas);
        Assert.Equal([new DowntimeWeight(HealthStatus.Critical, 1), new DowntimeWeight(HealthStatus.Major, 0.5)], sla.Slos[0].Downtime);
        Assert.Equal(6, sla.ServiceHours.Windows[0].Days.Length);
        Assert.True(sla.ServiceHours.Windows[0].CrossesMidnight);
    }

    [Fact]
    public void Read_EmptyOrWrongRoot_IsAProblem()
    {
        Assert.Equal("the document holds no slas, templates or statementsOfWork", Only(Yaml("{}")));
        Assert.Equal("must be an object, not a list", Only(Yaml("- a\n- b\n")));
        Assert.Equal("slaz: unknown field (expected one of slas, templates, statementsOfWork)", Only(Yaml("slaz: []")));
    }

    [Fact]
    public void Read_TemplateWithSlaOnlyField_IsRefused()
    {
        var d = Yaml("templates:\n  - name: t\n    customer: x\n    slos: [{ name: a, kind: availability, target: 99, minimum: 98 }]\n");

        Assert.StartsWith("templates[0].customer: unknown field", Only(d), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadStatementOfWork_NamesEveryMissingField()
    {
        var d = Yaml("statementsOfWork:\n  - id: sow-1\n    services: []\n    fee: { monthly: -5, currency: EUR }\n");

        Assert.Equal(
            ["statementsOfWork[0].customer: is required", "statementsOfWork[0].template: is required",
             "statementsOfWork[0].services: name at least one service id or tag", "statementsOfWork[0].fee.monthly: must be at least 0"],
            d.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Read_BrokenObjectiveWithCredits_IsReportedOnce()
    {
        var d = Yaml(Valid.Replace("kind: availability", "kind: uptime", StringComparison.Ordinal)
            .Replace("customer: ACME", "customer: ACME\n    fee: { monthly: 100, currency: EUR }\n    credits: { tiers: [{ worseThan: 99.9, percent: 5 }] }", StringComparison.Ordinal));

        Assert.StartsWith("slas[0].slos[0].kind: unknown value 'uptime'", Only(d), StringComparison.Ordinal);
    }
}
