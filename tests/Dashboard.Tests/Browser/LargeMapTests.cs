using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace ImpactMesh.Dashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LargeMapTests(LargeMapFixture fixture) : IClassFixture<LargeMapFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task PostDnsAsync(string status)
    {
        using var client = fixture.Factory.CreateLiveClient(ImpactMeshFactory.OperatorKey);
        var body = new StringContent($$"""{"status":"{{status}}","message":"large estate test"}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/components/dns/events", body, Ct)).StatusCode);
    }

    [Fact]
    public async Task FiveThousandComponents_SharedDependencyFailsAndRecovers_MapFollowsWithShortBatchedPaints()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
            BaseURL = fixture.Factory.Address.ToString(),
        });
        var page = await context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync($"/?key={ImpactMeshFactory.ViewerKey}");
        await page.WaitForFunctionAsync($"() => window.impactMesh?.ready && window.impactMesh.stats.nodes === {LargeMapFixture.Components}", null, new() { Timeout = 60_000 });
        var loaded = clock.Elapsed;
        await Chromium.ScreenshotAsync(page, "10-large-5000-ok");

        clock.Restart();
        await PostDnsAsync("critical");
        await page.WaitForFunctionAsync($"() => Array.from({{ length: {LargeMapFixture.Services} }}, (_, i) => 'svc-' + i).every(id => window.impactMesh.status(id) === 'critical')", null, new() { Timeout = 60_000, PollingInterval = 100 });
        var failed = clock.Elapsed;
        var stats = await page.EvaluateAsync<JsonElement>("() => window.impactMesh.stats");
        await Chromium.ScreenshotAsync(page, "11-large-5000-dns-failed");

        clock.Restart();
        await PostDnsAsync("ok");
        await page.WaitForFunctionAsync("() => window.impactMesh.stats.notOk === 0", null, new() { Timeout = 60_000, PollingInterval = 100 });
        var recovered = clock.Elapsed;
        var after = await page.EvaluateAsync<JsonElement>("() => window.impactMesh.stats");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"5,000 components: page ready in {loaded.TotalMilliseconds:F0} ms (graph built in {stats.GetProperty("lastBuildMs").GetDouble():F0} ms, snapshot drawn in {stats.GetProperty("lastSnapshotMs").GetDouble():F0} ms); " +
            $"all services critical after {failed.TotalMilliseconds:F0} ms, recovered after {recovered.TotalMilliseconds:F0} ms; " +
            $"{after.GetProperty("deltas").GetInt32()} delta messages, {after.GetProperty("statuses").GetInt32()} statuses, longest paint {after.GetProperty("maxPaintMs").GetDouble():F0} ms");
        Assert.True(stats.GetProperty("statuses").GetInt32() >= LargeMapFixture.Components, "every component's change arrived");
        Assert.InRange(after.GetProperty("deltas").GetInt32(), 2, 200);
        Assert.InRange(after.GetProperty("maxPaintMs").GetDouble(), 0, 1_000);
    }
}
