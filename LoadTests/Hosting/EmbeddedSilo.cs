using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ImpactMesh.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace ImpactMesh.LoadTests.Hosting;

/// <summary>An ImpactMesh silo started in this process (embedded mode, empty graph), or the address of a running cluster.</summary>
internal sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly WebApplication? _app;

    private EmbeddedSilo(WebApplication? app, Uri address, string key)
    {
        _app = app;
        Address = address;
        Key = key;
    }

    public Uri Address { get; }

    public string Key { get; }

    public IServiceProvider? Services => _app?.Services;

    public bool InProcess => _app is not null;

    /// <summary>Uses the cluster at <paramref name="url"/> with <paramref name="key"/>, or starts a silo here when url is null.</summary>
    public static async Task<EmbeddedSilo> StartAsync(string? url, string? key)
    {
        if (url is not null) return new EmbeddedSilo(null, new Uri(url), key ?? Environment.GetEnvironmentVariable("IMPACTMESH_ADMIN_KEY") ?? "");

        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        for (var attempt = 1; ; attempt++)
        {
            // A free port can be taken by another process before the silo binds it: then try other ports.
            var port = FreePort();
            var app = ImpactMeshHost.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = $"http://127.0.0.1:{port}",
                ["Orleans:SiloPort"] = FreePort().ToString(),
                ["Orleans:GatewayPort"] = FreePort().ToString(),
                ["ImpactMesh:SampleTopology"] = "",
                ["ImpactMesh:Redis"] = "",
                ["ImpactMesh:DemoFeed"] = "false",
                ["ImpactMesh:Security:AdminKey"] = adminKey,
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Orleans"] = "Error",
            }));
            try
            {
                await app.StartAsync();
                return new EmbeddedSilo(app, new Uri($"http://127.0.0.1:{port}"), adminKey);
            }
            catch (Exception e) when (attempt < 3 && IsAddressInUse(e))
            {
                await app.DisposeAsync();
            }
        }
    }

    private static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }) return true;
        }

        return false;
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
