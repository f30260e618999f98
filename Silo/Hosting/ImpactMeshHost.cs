using ImpactMesh.Dashboard;
using ImpactMesh.Dashboard.Security;
using Orleans.Dashboard;

namespace ImpactMesh.Silo.Hosting;

/// <summary>Composes the ImpactMesh silo: Orleans, the HTTP API, the SignalR hub and the live impact map in one web host.</summary>
public static class ImpactMeshHost
{
    /// <param name="args">Command-line arguments (configuration keys such as <c>--Orleans:SiloPort=11112</c>).</param>
    /// <param name="configure">Further configuration, e.g. settings of an embedded silo in the load tests.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot() });
        configure?.Invoke(builder);

        // The page (wwwroot of the Dashboard library) is found through the build's static web assets manifest, also
        // outside Development; a published app has the files in its own wwwroot and no manifest, which this ignores.
        builder.WebHost.UseStaticWebAssets();
        builder.AddImpactMeshSilo();
        builder.AddImpactMeshDashboard();

        var app = builder.Build();
        app.MapImpactMeshDashboard();
        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(Roles.Viewer);
        return app;
    }

    /// <summary>The Silo folder when run from source (so samples/ and wwwroot resolve), else the current directory.</summary>
    private static string? ContentRoot() =>
        File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory;
}
