using Microsoft.Playwright;

namespace ImpactMesh.Dashboard.Tests.Browser;

/// <summary>The sample estate's live host and one headless chromium, shared by a test class.</summary>
public sealed class SampleMapFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SampleMapFactory Factory { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _ = Factory.Address;
        (_playwright, _browser) = await Chromium.LaunchAsync();

        // Wait until the sample estate is loaded and every component is known (the demo feed's first round has landed).
        using var client = Factory.CreateLiveClient(ImpactMeshFactory.ViewerKey);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var graph = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/topology")).RootElement;
            var impact = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/impact")).RootElement;
            if (graph.GetProperty("components").GetArrayLength() >= 60 && impact.GetProperty("components").GetArrayLength() == 0) break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the sample estate did not become Ok within 60 s");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// A new tab (1600x900, dark) on the map at <paramref name="path"/>, not yet waited for; <paramref name="prepare"/>
    /// runs on the tab before it loads (e.g. to route requests).
    /// </summary>
    public async Task<IPage> NewPageAsync(string path, Func<IPage, Task>? prepare = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
            ColorScheme = ColorScheme.Dark,
            BaseURL = Factory.Address.ToString(),
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") TestContext.Current.SendDiagnosticMessage($"browser {message.Type}: {message.Text}");
        };
        if (prepare is not null) await prepare(page);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>A tab on the map with the viewer key in the URL, once the sample graph is drawn.</summary>
    public async Task<IPage> OpenMapAsync(Func<IPage, Task>? prepare = null)
    {
        var page = await NewPageAsync($"/?key={ImpactMeshFactory.ViewerKey}", prepare);
        await page.WaitForFunctionAsync("() => window.impactMesh?.ready && window.impactMesh.stats.nodes >= 60", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
