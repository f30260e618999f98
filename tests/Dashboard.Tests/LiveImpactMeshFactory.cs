using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactMesh.Dashboard.Tests;

/// <summary>The real Silo web host listening on a real loopback port, for SignalR clients and the browser.</summary>
public class LiveImpactMeshFactory : ImpactMeshFactory
{
    private readonly Lazy<Uri> _address;

    public LiveImpactMeshFactory()
    {
        UseKestrel(0);
        _address = new Lazy<Uri>(() =>
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        });
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234</c>; starts the server on first use.</summary>
    public Uri Address => _address.Value;

    public HttpClient CreateLiveClient(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
