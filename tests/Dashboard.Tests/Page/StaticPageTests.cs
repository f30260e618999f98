using System.Net;
using System.Text.RegularExpressions;

namespace ImpactMesh.Dashboard.Tests.Page;

public sealed partial class StaticPageTests(ImpactMeshFactory factory) : IClassFixture<ImpactMeshFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Links();

    [Fact]
    public async Task GetRoot_WithoutKey_ServesThePageWithEveryScriptAndStyleLocal()
    {
        using var anonymous = factory.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("live impact map", html);
        var local = Links().Matches(html).Select(m => m.Groups[1].Value).Where(l => !l.StartsWith('/')).ToList();
        Assert.Contains("lib/cytoscape/cytoscape.min.js", local);
        Assert.Contains("lib/signalr/signalr.min.js", local);
        Assert.DoesNotContain(local, l => l.Contains("//", StringComparison.Ordinal));
        foreach (var asset in local.Append("js/layout.js").Append("js/chart.js"))
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/" + asset, Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task GetRoot_WithKeyInQuery_SetsTheSessionCookieForTheOrleansDashboard()
    {
        using var anonymous = factory.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync($"/?key={ImpactMeshFactory.ViewerKey}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("impactmesh-key=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }
}
