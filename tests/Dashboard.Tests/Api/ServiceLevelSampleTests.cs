using System.Net;
using System.Text.Json;

namespace ImpactMesh.Dashboard.Tests.Api;

/// <summary>The sample SLAs, loaded at start of the embedded run, are listed with status and report at once.</summary>
public sealed class ServiceLevelSampleTests(SampleDataFactory factory) : IClassFixture<SampleDataFactory>
{
    private static readonly string[] SampleIds = ["sla-acme-email", "sla-acme-webshop", "sla-hafen-email", "sla-internal-tools", "sla-nordwind-crm"];

    private readonly HttpClient _viewer = factory.CreateClient(ImpactMeshFactory.ViewerKey);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<List<JsonElement>> WaitForSamplesAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var body = JsonDocument.Parse(await _viewer.GetStringAsync("/api/slas", Cancel)).RootElement;
            var slas = body.GetProperty("slas").EnumerateArray().ToList();
            if (slas.Count >= SampleIds.Length) return slas;
            if (DateTime.UtcNow > deadline) Assert.Fail($"only {slas.Count} sample SLAs loaded");
            await Task.Delay(200, Cancel);
        }
    }

    [Fact]
    public async Task ListSlas_EmbeddedStart_ShowsEverySampleInItsState()
    {
        var slas = await WaitForSamplesAsync();

        Assert.Equal(SampleIds, slas.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["agreed", "active", "negotiation", "draft", "baselining"], slas.Select(s => s.GetProperty("state").GetString()));
        var webshop = slas[1];
        Assert.Equal(4, webshop.GetProperty("standing").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(webshop.GetProperty("period").GetString()));
    }

    [Fact]
    public async Task SampleReportAndTemplates_EmbeddedStart_AreServed()
    {
        await WaitForSamplesAsync();

        var report = await _viewer.GetAsync("/api/slas/sla-acme-webshop/report?format=html", Cancel);
        var details = JsonDocument.Parse(await _viewer.GetStringAsync("/api/slas/sla-acme-webshop", Cancel)).RootElement;
        var templates = JsonDocument.Parse(await _viewer.GetStringAsync("/api/sla-templates", Cancel)).RootElement;
        var baseline = await _viewer.GetAsync("/api/slas/sla-nordwind-crm/baseline", Cancel);

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("ACME", await report.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(["svc-payments", "svc-webshop"], details.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(templates.EnumerateArray(), t => t.GetProperty("name").GetString() == "gold-24x7");
        Assert.Equal(HttpStatusCode.OK, baseline.StatusCode);
    }
}
