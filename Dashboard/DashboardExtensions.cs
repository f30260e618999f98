using ImpactMesh.Dashboard.Api;
using ImpactMesh.Dashboard.Json;
using ImpactMesh.Dashboard.Realtime;
using ImpactMesh.Dashboard.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace ImpactMesh.Dashboard;

/// <summary>Composes the dashboard: the HTTP API, its security and documentation, the live impact hub and its bridge, and the page.</summary>
public static class DashboardExtensions
{
    public static IHostApplicationBuilder AddImpactMeshDashboard(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.AdminKey ??= configuration["IMPACTMESH_ADMIN_KEY"])
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyStore>();
        services.AddHostedService<StartupBanner>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Viewer, p => p.RequireRole(Roles.Viewer))
            .AddPolicy(Roles.Operator, p => p.RequireRole(Roles.Operator))
            .AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));

        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddOptions<RealtimeOptions>().BindConfiguration(RealtimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR().AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions));
        services.AddSingleton<MetricWatch>();
        services.AddSingleton<ImpactBridge>();
        services.AddHostedService<ImpactBridgeService>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ClusterExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ImpactMesh API";
            document.Info.Description = "Relation graph, component health, impact, what-if and service levels. Send an API key in the X-Api-Key header.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapImpactMeshDashboard(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();

        // The page is public (it asks for a key); after authentication so that /?key=... also sets the session cookie.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthorization();

        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithTags("Operations").WithName("Liveness").WithSummary("Liveness: 200 while the process serves.");
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("ImpactMesh API")).AllowAnonymous();
        app.MapTopologyApi();
        app.MapImpactApi();
        app.MapMetricsApi();
        app.MapServiceLevelApi();
        app.MapHub<ImpactHub>(ImpactHub.Path).RequireAuthorization(Roles.Viewer);
        return app;
    }
}
