using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImpactMesh.Dashboard.Tests;

/// <summary>
/// The real Silo web host (Orleans silo, API, hub) on its own Orleans ports, with one API key per role.
/// By default it starts with an empty relation graph and no SLAs; <see cref="SampleTopology"/> and <see cref="SampleSlas"/> load the samples.
/// </summary>
public class ImpactMeshFactory : WebApplicationFactory<Program>
{
    public const string ViewerKey = "viewer-key-0123456789";
    public const string OperatorKey = "operator-key-0123456789";
    public const string AdminKey = "admin-key-0123456789";

    protected virtual string SampleTopology => "";

    /// <summary>The folder of sample SLA documents loaded at start; none by default.</summary>
    protected virtual string SampleSlas => "";

    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.Combine(RepositoryRoot.Path, "Silo"));
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString());
        builder.UseSetting("ImpactMesh:SampleTopology", SampleTopology);
        builder.UseSetting("ImpactMesh:SampleSlas", SampleSlas);
        builder.UseSetting("ImpactMesh:Redis", "");
        builder.UseSetting("ImpactMesh:DemoFeed", "false");
        string[][] keys = [[ViewerKey, "viewer"], [OperatorKey, "operator"], [AdminKey, "admin"]];
        for (var i = 0; i < keys.Length; i++)
        {
            builder.UseSetting($"ImpactMesh:Security:ApiKeys:{i}:Key", keys[i][0]);
            builder.UseSetting($"ImpactMesh:Security:ApiKeys:{i}:Role", keys[i][1]);
        }

        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
