using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ImpactMesh.Dashboard.Tests.Api;

public sealed class MetricsApiTests(ImpactMeshFactory factory) : IClassFixture<ImpactMeshFactory>
{
    private readonly HttpClient _operator = factory.CreateClient(ImpactMeshFactory.OperatorKey);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task LoadAsync()
    {
        var admin = factory.CreateClient(ImpactMeshFactory.AdminKey);
        var response = await admin.PutAsync("/api/topology", new StringContent(
            "components:\n  - { id: m-svc, kind: service, dependsOn: [m-db] }\n  - { id: m-db, kind: database, metrics: { latency_ms: { critical: 500, raiseAfter: 1 } } }",
            Encoding.UTF8, "application/yaml"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_MixedBatch_AcceptsGoodSamplesAndListsEachRejectedOne()
    {
        await LoadAsync();
        var now = DateTimeOffset.UtcNow;

        var response = await _operator.PostAsync("/api/metrics", Json($$"""
            {"samples":[
              {"component":"m-db","metric":"latency_ms","value":12.5,"timestamp":"{{now.AddSeconds(-3):O}}"},
              {"component":"ghost","metric":"latency_ms","value":1},
              {"component":"m-db","metric":"latency_ms"},
              {"component":"m-db","metric":"latency_ms","value":"fast"},
              {"component":"m-db","metric":"latency_ms","value":1,"timestamp":"{{now.AddDays(1):O}}"},
              {"component":"m-db","metric":"cpu","value":42},
              {"component":"bad id","metric":"x","value":1},
              {"component":"m-db","metric":"latency_ms","value":1e400},
              7
            ]}
            """), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(7, body.GetProperty("rejectedCount").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("reason").GetString()!);
        Assert.Equal([1, 2, 3, 4, 6, 7, 8], rejected.Keys);
        Assert.Equal("unknown component 'ghost'", rejected[1]);
        Assert.Equal("value is required", rejected[2]);
        Assert.Contains("must be a number", rejected[3]);
        Assert.Contains("future", rejected[4]);
        Assert.Contains("not a valid id", rejected[6]);
        Assert.Contains("finite", rejected[7]);
        Assert.Contains("object", rejected[8]);
    }

    [Fact]
    public async Task Post_BreachingSamples_ChangeTheComponentAndItsService()
    {
        await LoadAsync();

        var response = await _operator.PostAsync("/api/metrics", Json("""{"samples":[{"component":"m-db","metric":"latency_ms","value":900}]}"""), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var viewer = factory.CreateClient(ImpactMeshFactory.ViewerKey);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string? status;
        do
        {
            status = (await viewer.GetFromJsonAsync<JsonElement>("/api/components/m-svc/impact", Ct)).GetProperty("status").GetString();
            if (status == "critical") break;
            await Task.Delay(25, Ct);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal("critical", status);
        var db = await viewer.GetFromJsonAsync<JsonElement>("/api/components/m-db", Ct);
        var metric = db.GetProperty("health").GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "latency_ms");
        Assert.Equal(900, metric.GetProperty("lastValue").GetDouble());
    }

    [Theory]
    [InlineData("""{"samples":{}}""", "samples")]
    [InlineData("""{"data":[]}""", "data")]
    [InlineData("""{}""", "samples")]
    [InlineData("""[]""", "body")]
    [InlineData("""{"samples":[{"component":"m-db",""", "body")]
    public async Task Post_MalformedBody_Returns400NamingTheField(string body, string field)
    {
        var response = await _operator.PostAsync("/api/metrics", Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Post_ViewerKey_IsForbidden()
    {
        var response = await factory.CreateClient(ImpactMeshFactory.ViewerKey).PostAsync("/api/metrics", Json("""{"samples":[]}"""), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
