using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ImpactMesh.Dashboard.Tests.Api;

public sealed class ImpactApiTests(ImpactMeshFactory factory) : IClassFixture<ImpactMeshFactory>
{
    private const string Estate = """
        components:
          - { id: shop, kind: service, dependsOn: [app, dns] }
          - { id: mail, kind: service, dependsOn: [dns] }
          - { id: app, kind: application, dependsOn: [db-a, db-b], rule: best }
          - { id: db-a, kind: database }
          - { id: db-b, kind: database }
          - { id: dns, kind: network }
        """;

    private readonly HttpClient _admin = factory.CreateClient(ImpactMeshFactory.AdminKey);
    private readonly HttpClient _operator = factory.CreateClient(ImpactMeshFactory.OperatorKey);
    private readonly HttpClient _viewer = factory.CreateClient(ImpactMeshFactory.ViewerKey);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task LoadAsync()
    {
        var response = await _admin.PutAsync("/api/topology", new StringContent(Estate, Encoding.UTF8, "application/yaml"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var id in new[] { "dns", "db-a", "db-b" })
        {
            await _operator.PostAsync($"/api/components/{id}/events", Json("""{"status":"ok"}"""), Ct);
            await _operator.DeleteAsync($"/api/components/{id}/maintenance", Ct);
        }

        // Tests of this class share the estate: start each from a quiet one, as the impact index sees it.
        await EventuallyAsync(async () => (await GetAsync("/api/impact")).GetProperty("components").GetArrayLength() == 0, "a quiet estate");
    }

    private async Task<JsonElement> GetAsync(string url) => await _viewer.GetFromJsonAsync<JsonElement>(url, Ct);

    private async Task<string> StatusAsync(string id) => (await GetAsync($"/api/components/{id}/impact")).GetProperty("status").GetString()!;

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}");
            await Task.Delay(25, Ct);
        }
    }

    [Fact]
    public async Task PostEvent_SharedDependencyFails_ImpactListsAffectedServicesWithRootCause()
    {
        await LoadAsync();

        var posted = await _operator.PostAsync("/api/components/dns/events", Json("""{"status":"critical","message":"resolvers down","source":"nagios","timestamp":"2026-11-03T08:00:00Z"}"""), Ct);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await EventuallyAsync(async () => (await GetAsync("/api/impact")).GetProperty("components").EnumerateArray().Count(c => c.GetProperty("kind").GetString() == "service") == 2, "both services in /api/impact");
        var impact = await GetAsync("/api/impact");
        var shop = impact.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "shop");
        Assert.Equal("critical", shop.GetProperty("status").GetString());
        Assert.Equal("2026-11-03T08:00:00+00:00", shop.GetProperty("since").GetString());
        var cause = shop.GetProperty("rootCauses")[0];
        Assert.Equal("dns", cause.GetProperty("id").GetString());
        Assert.Equal(["dns", "shop"], cause.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        var ranked = impact.GetProperty("rootCauses")[0];
        Assert.Equal(("dns", 2), (ranked.GetProperty("id").GetString(), ranked.GetProperty("services").GetInt32()));

        var detail = await GetAsync("/api/components/shop");
        Assert.Equal("critical", detail.GetProperty("health").GetProperty("status").GetString());

        await _operator.PostAsync("/api/components/dns/events", Json("""{"status":"ok","source":"nagios","timestamp":"2026-11-03T08:30:00Z"}"""), Ct);
        await EventuallyAsync(async () => await StatusAsync("shop") == "ok", "shop recovers");
        var history = await GetAsync("/api/components/shop/history?from=2026-11-03T00:00:00Z&to=2026-11-04T00:00:00Z");
        Assert.Equal(["critical", "ok"], history.EnumerateArray().Select(c => c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task WhatIf_BothReplicasFail_ShowsChangesWithoutTouchingLiveState()
    {
        await LoadAsync();

        var response = await _viewer.PostAsync("/api/whatif", Json("""{"assume":{"db-a":"critical","db-b":"Critical"}}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changes = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("changes").EnumerateArray().ToList();
        Assert.Contains(changes, c => c.GetProperty("id").GetString() == "shop" && c.GetProperty("after").GetString() == "critical");
        Assert.DoesNotContain(changes, c => c.GetProperty("id").GetString() == "mail");
        Assert.Equal("ok", await StatusAsync("shop"));
    }

    [Fact]
    public async Task SinglePointsOfFailure_Shop_NamesDnsAndAppButNotOneReplica()
    {
        await LoadAsync();

        var points = (await GetAsync("/api/components/shop/single-points-of-failure")).EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();

        Assert.Contains("dns", points);
        Assert.Contains("app", points);
        Assert.DoesNotContain("db-a", points);
    }

    [Fact]
    public async Task Maintenance_PutThenDelete_PassesOkWhileSet()
    {
        await LoadAsync();
        await _operator.PostAsync("/api/components/dns/events", Json("""{"status":"major","message":"slow"}"""), Ct);
        await EventuallyAsync(async () => await StatusAsync("mail") == "major", "mail major");

        var put = await _operator.PutAsync("/api/components/dns/maintenance", Json("""{"reason":"resolver upgrade"}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await EventuallyAsync(async () => await StatusAsync("mail") == "ok", "mail ok during maintenance");
        var dns = await GetAsync("/api/components/dns/impact");
        Assert.Equal("resolver upgrade", dns.GetProperty("maintenance").GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await _operator.DeleteAsync("/api/components/dns/maintenance", Ct)).StatusCode);
        await EventuallyAsync(async () => await StatusAsync("mail") == "major", "mail major again");
    }

    [Theory]
    [InlineData("/api/components/dns/events", """{"status":"broken"}""", "status")]
    [InlineData("/api/components/dns/events", """{"message":"x"}""", "status")]
    [InlineData("/api/components/dns/events", """{"status":"major","timestamp":"yesterday"}""", "timestamp")]
    [InlineData("/api/components/dns/events", """{"status":"major","expiresIn":"soon"}""", "expiresIn")]
    [InlineData("/api/components/dns/events", """{"status":"major","colour":"red"}""", "colour")]
    [InlineData("/api/components/dns/events", """{"status":"major","timestamp":"2026-11-03T08:00:00Z","expiresAt":"2026-11-03T07:00:00Z"}""", "expiresAt")]
    [InlineData("/api/whatif", """{"assume":{"db-9":"critical"}}""", "assume.db-9")]
    [InlineData("/api/whatif", """{"assume":{"dns":"down"}}""", "assume.dns")]
    [InlineData("/api/whatif", """{}""", "assume")]
    [InlineData("/api/whatif", """[1,2]""", "body")]
    [InlineData("/api/whatif", """{"assume": """, "body")]
    public async Task Post_BadBody_Returns400NamingTheField(string url, string body, string field)
    {
        await LoadAsync();

        var response = await _operator.PostAsync(url, Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}");
    }

    [Fact]
    public async Task PostEvent_ViewerKey_IsForbiddenAndUnknownComponentIs404()
    {
        await LoadAsync();

        var forbidden = await _viewer.PostAsync("/api/components/dns/events", Json("""{"status":"critical"}"""), Ct);
        var unknown = await _operator.PostAsync("/api/components/nope/events", Json("""{"status":"critical"}"""), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
