using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;

namespace ImpactMesh.Dashboard.Security;

/// <summary>
/// Prints where the dashboard is once the web server listens. When the silo made up its admin key, the printed URL carries
/// it (as Jupyter prints its token URL), so a newcomer clicks straight in; configured keys are never printed or logged.
/// </summary>
internal sealed class StartupBanner(IHostApplicationLifetime lifetime, IServer server, ApiKeyStore keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault();
        if (address is null) return;
        address = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        Console.WriteLine();
        Console.WriteLine("ImpactMesh is running. Open the live impact map:");
        Console.WriteLine(keys.GeneratedAdminKey is { } key
            ? $"    {address}/?key={key}\n(no API key was configured, so this admin key was made up for this run; set IMPACTMESH_ADMIN_KEY to choose one)"
            : $"    {address}/  (it asks for your API key)");
        Console.WriteLine($"API reference: {address}/scalar   OpenAPI: {address}/openapi/v1.json   Orleans internals: {address}/dashboard");
        Console.WriteLine();
    }
}
