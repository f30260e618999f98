using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ImpactMesh.Dashboard.Tests.Api;

public sealed class TopologyApiTests(ImpactMeshFactory factory) : IClassFixture<ImpactMeshFactory>
{
    private const string Estate = """
        components:
          - { id: svc, name: Shop, kind: service, tags: { tier: gold }, dependsOn: [app, { id: cache, impact: soft }] }
          - { id: app, kind: application, dependsOn: [db], rule: { atLeast: 1 }, metrics: { latency_ms: { warning: 100, unit: ms } } }
          - { id: cache, kind: cache }
          - { id: db, kind: database }
        """;

    private readonly HttpClient _admin = factory.CreateClient(ImpactMeshFactory.AdminKey);
    private readonly HttpClient _viewer = factory.CreateClient(ImpactMeshFactory.ViewerKey);

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

    private async Task LoadEstateAsync()
    {
        var response = await _admin.PutAsync("/api/topology", Yaml(Estate), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PutTopology_Yaml_ReturnsCountsAndGetReturnsGraph()
    {
        var response = await _admin.PutAsync("/api/topology", Yaml(Estate), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal(4, body.GetProperty("components").GetInt32());
        Assert.Equal(3, body.GetProperty("relations").GetInt32());
        var graph = await BodyAsync(await _viewer.GetAsync("/api/topology", TestContext.Current.CancellationToken));
        Assert.Equal(["svc", "app", "cache", "db"], graph.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task GetTopology_PutBack_IsAcceptedUnchanged()
    {
        await LoadEstateAsync();
        var first = await _viewer.GetStringAsync("/api/topology", TestContext.Current.CancellationToken);
        var components = JsonDocument.Parse(first).RootElement.GetProperty("components").GetRawText();

        var response = await _admin.PutAsync("/api/topology", Json($$"""{"components":{{components}}}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = await _viewer.GetStringAsync("/api/topology", TestContext.Current.CancellationToken);
        Assert.Equal(components, JsonDocument.Parse(second).RootElement.GetProperty("components").GetRawText());
    }

    [Fact]
    public async Task PutTopology_Invalid_Returns400ProblemNamingEachPathAndKeepsGraph()
    {
        await LoadEstateAsync();

        var response = await _admin.PutAsync("/api/topology", Json("""
            {"components":[{"id":"x","kind":"host","dependsOn":["db-9"]},{"id":"x","kind":"host"},{"id":"y","kind":"host","dependsOn":[{"id":"x","shift":7}]}]}
            """), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await BodyAsync(response)).GetProperty("errors");
        Assert.Equal("unknown component 'db-9'", errors.GetProperty("components[0].dependsOn[0]")[0].GetString());
        Assert.StartsWith("duplicate id 'x'", errors.GetProperty("components[1].id")[0].GetString());
        Assert.StartsWith("must be between -5 and 5", errors.GetProperty("components[2].dependsOn[0].shift")[0].GetString());
        var graph = await BodyAsync(await _viewer.GetAsync("/api/topology", TestContext.Current.CancellationToken));
        Assert.Equal(4, graph.GetProperty("components").GetArrayLength());
    }

    [Fact]
    public async Task PutTopology_MalformedYaml_Returns400WithLine()
    {
        var response = await _admin.PutAsync("/api/topology", Yaml("components:\n  - id: a\n   kind: ["), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 3", (await BodyAsync(response)).GetProperty("errors").GetProperty("document")[0].GetString());
    }

    [Fact]
    public async Task PutTopology_UnsupportedContentType_Returns400NamingIt()
    {
        var response = await _admin.PutAsync("/api/topology", new StringContent("x", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await BodyAsync(response)).GetProperty("errors").TryGetProperty("Content-Type", out _));
    }

    [Fact]
    public async Task PutTopology_Cycle_AppliesWithWarning()
    {
        var response = await _admin.PutAsync("/api/topology", Yaml("components:\n  - { id: a, kind: host, dependsOn: [b] }\n  - { id: b, kind: host, dependsOn: [a] }"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = (await BodyAsync(response)).GetProperty("warnings")[0];
        Assert.Equal("components[1].dependsOn[0]", warning.GetProperty("path").GetString());
        Assert.Contains("a -> b -> a", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task GetComponent_Known_ReturnsBothDirections()
    {
        await LoadEstateAsync();

        var body = await BodyAsync(await _viewer.GetAsync("/api/components/app", TestContext.Current.CancellationToken));

        Assert.Equal("application", body.GetProperty("kind").GetString());
        Assert.Equal("db", body.GetProperty("dependsOn")[0].GetString());
        Assert.Equal("svc", body.GetProperty("dependents")[0].GetString());
        Assert.Equal(100, body.GetProperty("metrics").GetProperty("latency_ms").GetProperty("warning").GetDouble());
        var cache = await BodyAsync(await _viewer.GetAsync("/api/components/cache", TestContext.Current.CancellationToken));
        Assert.Equal("soft", cache.GetProperty("dependents")[0].GetProperty("impact").GetString());
    }

    [Theory]
    [InlineData("/api/components/nope", HttpStatusCode.NotFound)]
    [InlineData("/api/components/bad%20id", HttpStatusCode.BadRequest)]
    public async Task GetComponent_UnknownOrInvalid_ReturnsProblem(string url, HttpStatusCode expected)
    {
        var response = await _viewer.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task PutComponent_NewThenChanged_Returns201Then200()
    {
        await LoadEstateAsync();

        var created = await _admin.PutAsync("/api/components/lb", Yaml("kind: network"), TestContext.Current.CancellationToken);
        var changed = await _admin.PutAsync("/api/components/svc", Json("""{"kind":"service","dependsOn":["app","lb"]}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var lb = await BodyAsync(await _viewer.GetAsync("/api/components/lb", TestContext.Current.CancellationToken));
        Assert.Equal("svc", lb.GetProperty("dependents")[0].GetString());
    }

    [Fact]
    public async Task PutComponent_IdMismatchOrUnknownDependency_Returns400AndChangesNothing()
    {
        await LoadEstateAsync();

        var mismatch = await _admin.PutAsync("/api/components/app", Json("""{"id":"other","kind":"host"}"""), TestContext.Current.CancellationToken);
        var unknown = await _admin.PutAsync("/api/components/app", Json("""{"kind":"host","dependsOn":["ghost"]}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.True((await BodyAsync(mismatch)).GetProperty("errors").TryGetProperty("id", out _));
        Assert.Equal("unknown component 'ghost'", (await BodyAsync(unknown)).GetProperty("errors").GetProperty("dependsOn[0]")[0].GetString());
        var app = await BodyAsync(await _viewer.GetAsync("/api/components/app", TestContext.Current.CancellationToken));
        Assert.Equal("application", app.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task DeleteComponent_WithDependents_Returns409ThenForceDetaches()
    {
        await LoadEstateAsync();

        var refused = await _admin.DeleteAsync("/api/components/db", TestContext.Current.CancellationToken);
        var forced = await _admin.DeleteAsync("/api/components/db?force=true", TestContext.Current.CancellationToken);
        var again = await _admin.DeleteAsync("/api/components/db", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("app", (await BodyAsync(refused)).GetProperty("dependents")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Equal("app", (await BodyAsync(forced)).GetProperty("detachedDependents")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTopologyEndpoints()
    {
        var document = await BodyAsync(await factory.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/topology", out _));
        Assert.True(paths.TryGetProperty("/api/components/{id}", out _));
        Assert.True(paths.TryGetProperty("/healthz", out _));
    }

    [Fact]
    public async Task Scalar_Ui_IsServed()
    {
        var response = await factory.CreateClient().GetAsync("/scalar", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.MediaType);
    }
}
