using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactMesh.Dashboard.Tests.Api;

public sealed class ServiceLevelApiTests(ImpactMeshFactory factory) : IClassFixture<ImpactMeshFactory>
{
    private const string Estate = """
        components:
          - { id: api-shop, kind: service, tags: { tier: gold, owner: shop-team }, dependsOn: [api-db] }
          - { id: api-db, kind: database }
          - { id: api-crm, kind: service, tags: { tier: silver } }
        """;

    private readonly HttpClient _admin = factory.CreateClient(ImpactMeshFactory.AdminKey);
    private readonly HttpClient _operator = factory.CreateClient(ImpactMeshFactory.OperatorKey);
    private readonly HttpClient _viewer = factory.CreateClient(ImpactMeshFactory.ViewerKey);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

    private static string Sla(string id, string state, string services = "[api-shop]") => $$"""
        id: {{id}}
        customer: Api Customer
        state: {{state}}
        services: {{services}}
        timeZone: Etc/UTC
        slos:
          - { name: availability, kind: availability, target: 99.9, minimum: 99.5 }
        credits:
          tiers: [ { worseThan: 99.9, percent: 5 }, { worseThan: 99.5, percent: 10 } ]
          capPercent: 20
        fee: { monthly: 2000, currency: EUR }
        """;

    private async Task LoadEstateAsync()
    {
        var response = await _admin.PutAsync("/api/topology", Yaml(Estate), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task PutSlaAsync(HttpClient client, string id, string state, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PutAsync($"/api/slas/{id}", Yaml(Sla(id, state)), Cancel);
        Assert.Equal(expected, response.StatusCode);
    }

    private Task<HttpResponseMessage> MoveAsync(HttpClient client, string id, string to) =>
        client.PostAsync($"/api/slas/{id}/transitions", Json($$"""{"to":"{{to}}","note":"agreed with the customer"}"""), Cancel);

    /// <summary>The api-shop service down (through its database) for 60 minutes on 10 November 2026, in data time.</summary>
    private async Task FailInNovemberAsync(string source)
    {
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var db = grains.GetGrain<IComponentGrain>("api-db");
        var shop = grains.GetGrain<IComponentGrain>("api-shop");
        var start = new DateTimeOffset(2026, 11, 10, 8, 0, 0, TimeSpan.Zero);
        foreach (var (status, at) in new[] { (HealthStatus.Critical, start), (HealthStatus.Ok, start.AddHours(1)) })
        {
            Assert.True(await db.RecordEventAsync(new ExternalStatus(source, status, "db", at, null)));
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while ((await shop.GetHealthAsync())!.Status != status)
            {
                if (DateTime.UtcNow > deadline) Assert.Fail($"api-shop did not become {status}");
                await Task.Delay(20, Cancel);
            }
        }
    }

    [Fact]
    public async Task PutSlas_Document_CreatesAndListShowsStateAndStanding()
    {
        await LoadEstateAsync();

        var response = await _admin.PutAsync("/api/slas", Yaml($"""
            slas:
              - {Sla("api-list-active", "active").Replace("\n", "\n    ", StringComparison.Ordinal)}
              - {Sla("api-list-draft", "draft", "{ tags: { tier: silver } }").Replace("\n", "\n    ", StringComparison.Ordinal)}
            """), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["api-list-active", "api-list-draft"], (await BodyAsync(response)).GetProperty("created").EnumerateArray().Select(e => e.GetString()));
        var list = (await BodyAsync(await _viewer.GetAsync("/api/slas", Cancel))).GetProperty("slas").EnumerateArray().ToList();
        var active = list.Single(s => s.GetProperty("id").GetString() == "api-list-active");
        Assert.Equal("active", active.GetProperty("state").GetString());
        var standing = Assert.Single(active.GetProperty("standing").EnumerateArray());
        Assert.Equal("availability", standing.GetProperty("slo").GetString());
        Assert.True(standing.GetProperty("budget").GetProperty("remaining").GetDouble() > 0);
        Assert.Empty(active.GetProperty("alerts").EnumerateArray());
        var draft = list.Single(s => s.GetProperty("id").GetString() == "api-list-draft");
        Assert.Equal("draft", draft.GetProperty("state").GetString());
        Assert.Empty(draft.GetProperty("standing").EnumerateArray());
        var details = await BodyAsync(await _viewer.GetAsync("/api/slas/api-list-draft", Cancel));
        Assert.Equal(["api-crm"], details.GetProperty("services").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task PutSlas_InvalidDocument_Returns400NamingEachPathAndAppliesNothing()
    {
        await LoadEstateAsync();

        var response = await _operator.PutAsync("/api/slas", Json("""
            {"slas":[
              {"id":"api-bad-1","customer":"C","services":["api-shop"],"timeZone":"Etc/UTC","slos":[{"name":"a","kind":"availability","target":120,"minimum":99}]},
              {"id":"api-bad-2","customer":"C","services":["api-shop"],"timeZone":"Mars/Olympus","slos":[{"name":"a","kind":"availability","target":99,"minimum":98}]}
            ]}
            """), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await BodyAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("slas[0].slos[0].target", out _), errors.GetRawText());
        Assert.StartsWith("unknown time zone 'Mars/Olympus'", errors.GetProperty("slas[1].timeZone")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _viewer.GetAsync("/api/slas/api-bad-1", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Lifecycle_OperatorNegotiatesAdminChangesActive_VersionsAndRoles()
    {
        await LoadEstateAsync();
        await PutSlaAsync(_operator, "api-life", "draft");
        var amend = await _operator.PutAsync("/api/slas/api-life", Yaml(Sla("api-life", "draft").Replace("Api Customer", "Api Customer AG", StringComparison.Ordinal)), Cancel);
        Assert.Equal(HttpStatusCode.OK, amend.StatusCode);

        var skip = await MoveAsync(_operator, "api-life", "active");
        var unknown = await MoveAsync(_operator, "api-life", "signed");
        foreach (var to in new[] { "negotiation", "agreed", "active" }) Assert.Equal(HttpStatusCode.OK, (await MoveAsync(_operator, "api-life", to)).StatusCode);
        var operatorChange = await _operator.PutAsync("/api/slas/api-life", Yaml(Sla("api-life", "active").Replace("99.9", "99.95", StringComparison.Ordinal)), Cancel);
        var adminChange = await _admin.PutAsync("/api/slas/api-life", Yaml(Sla("api-life", "active").Replace("99.9,", "99.95,", StringComparison.Ordinal)), Cancel);
        var viewerMove = await MoveAsync(_viewer, "api-life", "retired");
        var backdated = await _admin.PutAsync("/api/slas/api-life?effectiveFrom=2020-01-01T00:00:00Z", Yaml(Sla("api-life", "active")), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        Assert.Equal("cannot move from Draft to Active", (await BodyAsync(skip)).GetProperty("errors").GetProperty("to")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorChange.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminChange.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerMove.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backdated.StatusCode);
        Assert.StartsWith("a new version cannot take effect before", (await BodyAsync(backdated)).GetProperty("errors").GetProperty("effectiveFrom")[0].GetString());
        var details = await BodyAsync(await _viewer.GetAsync("/api/slas/api-life", Cancel));
        Assert.Equal(2, details.GetProperty("version").GetInt32());
        Assert.Equal(99.95, details.GetProperty("current").GetProperty("slos")[0].GetProperty("target").GetDouble());
        var document = await _viewer.GetStringAsync("/api/slas/api-life/document", Cancel);
        var putBack = await _admin.PutAsync("/api/slas/api-life", Json(document), Cancel);
        Assert.Equal(HttpStatusCode.OK, putBack.StatusCode);
        details = await BodyAsync(await _viewer.GetAsync("/api/slas/api-life", Cancel));
        var audit = details.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(["created", "amended", "state", "state", "state", "new version"], audit);
    }

    [Fact]
    public async Task GetReport_BackfilledNovember_JsonCsvAndHtmlAgree()
    {
        await LoadEstateAsync();
        await PutSlaAsync(_admin, "api-report", "active");
        await FailInNovemberAsync("report-probe");

        var json = await _viewer.GetAsync("/api/slas/api-report/report?period=2026-11", Cancel);
        var csv = await _viewer.GetAsync("/api/slas/api-report/report?period=2026-11&format=csv", Cancel);
        var htmlRequest = new HttpRequestMessage(HttpMethod.Get, "/api/slas/api-report/report?period=2026-11");
        htmlRequest.Headers.Accept.ParseAdd("text/html");
        var html = await _viewer.SendAsync(htmlRequest, Cancel);
        var badPeriod = await _viewer.GetAsync("/api/slas/api-report/report?period=november", Cancel);

        // 60 of November's 43 200 minutes down: 99.86111 %, below 99.9: 5 % of 2 000 EUR.
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var report = (await BodyAsync(json)).GetProperty("report");
        var availability = report.GetProperty("results")[0];
        Assert.Equal(100.0 * (43200 - 60) / 43200, availability.GetProperty("achieved").GetDouble(), 9);
        Assert.Equal("missed", availability.GetProperty("outcome").GetString());
        Assert.Equal(100m, report.GetProperty("credit").GetProperty("amount").GetDecimal());
        Assert.Equal("api-db", availability.GetProperty("downtimes")[0].GetProperty("rootCauses")[0].GetString());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Cancel)).Split("\r\n");
        Assert.StartsWith("sla,version,period_start", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("api-report,availability,*,2026-11-10T08:00:00Z,2026-11-10T09:00:00Z", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2026-11-availability,availability,2026-11,Missed,Open,shop-team", StringComparison.Ordinal));
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        var page = await html.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<svg", page);
        Assert.Contains("2026-11-availability", page);
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.True((await BodyAsync(badPeriod)).GetProperty("errors").TryGetProperty("period", out _));
    }

    [Fact]
    public async Task Improvements_PatchedAndReviewed_TrackedUntilClosed()
    {
        await LoadEstateAsync();
        await PutSlaAsync(_admin, "api-items", "active");
        await FailInNovemberAsync("items-probe");
        Assert.Equal(HttpStatusCode.OK, (await _viewer.GetAsync("/api/slas/api-items/report?period=2026-11", Cancel)).StatusCode);

        var items = await BodyAsync(await _viewer.GetAsync("/api/slas/api-items/improvements", Cancel));
        var badStatus = await _operator.PatchAsync("/api/slas/api-items/improvements/2026-11-availability", Json("""{"status":"done"}"""), Cancel);
        var progress = await _operator.PatchAsync("/api/slas/api-items/improvements/2026-11-availability", Json("""{"status":"in-progress","owner":"dba-team"}"""), Cancel);
        var viewerReview = await _viewer.PostAsync("/api/slas/api-items/reviews", Json("{}"), Cancel);
        var review = await _operator.PostAsync("/api/slas/api-items/reviews", Json("""
            {"date":"2026-12-03","period":"2026-11","attendees":["Customer","Service manager"],"decisions":["Replica for api-db"],
             "actions":[{"text":"Order the replica","owner":"dba-team","dueDate":"2026-12-20","improvementItem":"2026-11-availability"}]}
            """), Cancel);
        var badReview = await _operator.PostAsync("/api/slas/api-items/reviews", Json("""{"date":"2026-12-03","period":"2026-11","attendees":["A"],"actions":[{"text":"x","improvementItem":"nope"}]}"""), Cancel);
        var closed = await _operator.PatchAsync("/api/slas/api-items/improvements/2026-11-availability", Json("""{"status":"closed","note":"replica in place"}"""), Cancel);

        var item = Assert.Single(items.EnumerateArray());
        Assert.Equal(("2026-11-availability", "open"), (item.GetProperty("id").GetString(), item.GetProperty("status").GetString()));
        Assert.Equal(["api-db"], item.GetProperty("rootCauses").EnumerateArray().Select(c => c.GetProperty("rootCause").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(("in-progress", "dba-team"), ((await BodyAsync(progress)).GetProperty("status").GetString(), (await BodyAsync(progress)).GetProperty("owner").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, viewerReview.StatusCode);
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        Assert.Equal(("review-1", 1), ((await BodyAsync(review)).GetProperty("id").GetString(), (await BodyAsync(review)).GetProperty("reportVersion").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, badReview.StatusCode);
        Assert.True((await BodyAsync(badReview)).GetProperty("errors").TryGetProperty("actions[0].improvementItem", out _));
        Assert.Equal("closed", (await BodyAsync(closed)).GetProperty("status").GetString());
        var december = await BodyAsync(await _viewer.GetAsync("/api/slas/api-items/report?period=2026-12", Cancel));
        Assert.Empty(december.GetProperty("openItems").EnumerateArray());
        var reviews = await BodyAsync(await _viewer.GetAsync("/api/slas/api-items/reviews", Cancel));
        Assert.Equal("Replica for api-db", reviews[0].GetProperty("decisions")[0].GetString());
    }

    [Fact]
    public async Task Endpoints_UnknownOrNotActive_Return404Or409()
    {
        await LoadEstateAsync();
        await PutSlaAsync(_operator, "api-draft", "draft");

        Assert.Equal(HttpStatusCode.NotFound, (await _viewer.GetAsync("/api/slas/api-none", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _viewer.GetAsync("/api/slas/api-none/report", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _viewer.GetAsync("/api/slas/api-draft/report", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _viewer.GetAsync("/api/slas/api-draft/alerts", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient(null).GetAsync("/api/slas", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Statements_DraftFromTemplate_CreatesDraftSla()
    {
        await LoadEstateAsync();
        var document = await _operator.PutAsync("/api/slas", Yaml("""
            templates:
              - name: api-basic
                description: Basic
                timeZone: Europe/Berlin
                slos: [{ name: availability, kind: availability, target: 99.5, minimum: 99 }]
            statementsOfWork:
              - { id: sow-api, customer: Api Customer, template: api-basic, services: [api-crm], fee: { monthly: 500, currency: EUR } }
            """), Cancel);

        var draft = await _operator.PostAsync("/api/statements-of-work/sow-api/draft", Json("""{"slaId":"api-drafted"}"""), Cancel);

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var templates = await BodyAsync(await _viewer.GetAsync("/api/sla-templates", Cancel));
        Assert.Contains(templates.EnumerateArray(), t => t.GetProperty("name").GetString() == "api-basic");
        var sla = await BodyAsync(await _viewer.GetAsync("/api/slas/api-drafted", Cancel));
        Assert.Equal(("draft", "api-basic", "Api Customer"), (sla.GetProperty("current").GetProperty("state").GetString(),
            sla.GetProperty("current").GetProperty("template").GetString(), sla.GetProperty("current").GetProperty("customer").GetString()));
    }

    [Fact]
    public async Task GetReport_HundredPercentTargetMissed_InfiniteBudgetUseIsWritten()
    {
        await LoadEstateAsync();
        var response = await _admin.PutAsync("/api/slas/api-perfect", Yaml(Sla("api-perfect", "active").Replace("target: 99.9, minimum: 99.5", "target: 100, minimum: 99", StringComparison.Ordinal)), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await FailInNovemberAsync("perfect-probe");

        var report = await _viewer.GetAsync("/api/slas/api-perfect/report?period=2026-11", Cancel);

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var budget = (await BodyAsync(report)).GetProperty("report").GetProperty("results")[0].GetProperty("budget");
        Assert.Equal("Infinity", budget.GetProperty("usedPercent").GetString());
    }

    [Fact]
    public async Task GetAlerts_ServiceDownTenMinutes_ListsFiringBurnRateAlerts()
    {
        await LoadEstateAsync();
        var response = await _admin.PutAsync("/api/slas/api-alerts", Yaml(Sla("api-alerts", "active", "[api-crm]")), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var crm = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IComponentGrain>("api-crm");
        Assert.True(await crm.RecordEventAsync(new ExternalStatus("alert-probe", HealthStatus.Critical, "down", DateTimeOffset.UtcNow.AddMinutes(-10), null)));

        var alerts = await BodyAsync(await _viewer.GetAsync("/api/slas/api-alerts/alerts", Cancel));
        var list = await BodyAsync(await _viewer.GetAsync("/api/slas", Cancel));

        Assert.Equal(["page", "page", "ticket", "ticket"], alerts.EnumerateArray().Select(a => a.GetProperty("severity").GetString()));
        Assert.Equal("availability", alerts[0].GetProperty("slo").GetString());
        var summary = list.GetProperty("slas").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "api-alerts");
        Assert.Equal(4, summary.GetProperty("alerts").GetArrayLength());
        Assert.True(summary.GetProperty("standing")[0].GetProperty("budget").GetProperty("used").GetDouble() >= 10);
    }

    [Fact]
    public async Task OpenApi_Document_ListsServiceLevelEndpoints()
    {
        var document = await BodyAsync(await factory.CreateClient().GetAsync("/openapi/v1.json", Cancel));

        var paths = document.GetProperty("paths");
        string[] expected = ["/api/slas", "/api/slas/{id}", "/api/slas/{id}/document", "/api/slas/{id}/transitions", "/api/slas/{id}/alerts",
            "/api/slas/{id}/report", "/api/slas/{id}/baseline", "/api/slas/{id}/improvements", "/api/slas/{id}/improvements/{itemId}",
            "/api/slas/{id}/reviews", "/api/sla-templates", "/api/statements-of-work", "/api/statements-of-work/{id}/draft"];
        Assert.All(expected, path => Assert.True(paths.TryGetProperty(path, out _), path));
    }
}
