using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace ImpactMesh.Dashboard.Tests.Browser;

/// <summary>
/// A live host with a generated estate of <see cref="Components"/> components (services, applications, instances,
/// hosts, networks, one shared dns) and one headless chromium.
/// </summary>
public sealed class LargeMapFixture : IAsyncLifetime
{
    public const int Components = 5_000;
    public const int Services = 250;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public LiveImpactMeshFactory Factory { get; } = new();

    public IBrowser Browser => _browser!;

    /// <summary>250 services, 4 applications each, 2 instances per application, 1,500 hosts, 249 networks, all on dns.</summary>
    public static string Estate()
    {
        const int applications = Services * 4, instances = applications * 2, hosts = 1_500, networks = Components - Services - applications - instances - hosts - 1;
        var yaml = new StringBuilder("components:\n  - { id: dns, kind: network }\n");
        for (var n = 0; n < networks; n++) yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: net-{n}, kind: network, dependsOn: [dns] }}\n");
        for (var h = 0; h < hosts; h++) yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: host-{h}, kind: host, dependsOn: [net-{h % networks}] }}\n");
        for (var i = 0; i < instances; i++) yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: inst-{i}, kind: instance, dependsOn: [host-{i % hosts}] }}\n");
        for (var a = 0; a < applications; a++) yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: app-{a}, kind: application, dependsOn: [inst-{2 * a}, inst-{2 * a + 1}] }}\n");
        for (var s = 0; s < Services; s++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: svc-{s}, name: Service {s}, kind: service, dependsOn: [app-{4 * s}, app-{4 * s + 1}, app-{4 * s + 2}, app-{4 * s + 3}] }}\n");
        }

        return yaml.ToString();
    }

    public async ValueTask InitializeAsync()
    {
        using var admin = Factory.CreateLiveClient(ImpactMeshFactory.AdminKey);
        admin.Timeout = TimeSpan.FromMinutes(2);
        var response = await admin.PutAsync("/api/topology", new StringContent(Estate(), Encoding.UTF8, "application/yaml"));
        response.EnsureSuccessStatusCode();
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
