using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ImpactMesh.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace ImpactMesh.LoadTests.Hosting;

/// <summary>
/// An ImpactMesh silo started in this process (empty graph; embedded mode, or clustered and persisted through a Redis
/// when given one), or the address of a running cluster.
/// </summary>
internal sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly WebApplication? _app;

    private EmbeddedSilo(WebApplication? app, Uri address, string key, string description)
    {
        _app = app;
        Address = address;
        Key = key;
        Description = description;
    }

    /// <summary>Where the silo runs and what it stores in, for reports.</summary>
    public string Description { get; }

    public Uri Address { get; }

    public string Key { get; }

    public IServiceProvider? Services => _app?.Services;

    public bool InProcess => _app is not null;

    /// <summary>
    /// Uses the cluster at <paramref name="url"/> with <paramref name="key"/>, or starts a silo here when url is null: with
    /// <paramref name="redis"/>, in a new cluster of its own on that Redis.
    /// </summary>
    public static async Task<EmbeddedSilo> StartAsync(string? url, string? key, string? redis = null)
    {
        if (url is not null) return new EmbeddedSilo(null, new Uri(url), key ?? Environment.GetEnvironmentVariable("IMPACTMESH_ADMIN_KEY") ?? "", url);

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
                ["ImpactMesh:Redis"] = redis ?? "",
                ["Orleans:ClusterId"] = redis is null ? null : "loadtest-" + adminKey[..8],
                ["Orleans:ServiceId"] = redis is null ? null : "loadtest-" + adminKey[..8],
                ["ImpactMesh:DemoFeed"] = "false",
                ["ImpactMesh:Security:AdminKey"] = adminKey,
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Orleans"] = "Error",
            }));
            try
            {
                await app.StartAsync();
                return new EmbeddedSilo(app, new Uri($"http://127.0.0.1:{port}"), adminKey, redis is null
                    ? "this process: localhost clustering, in-memory storage"
                    : $"this process: clustered and persisted through Redis {redis}");
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
