using ImpactMesh.Grains.Interfaces;
using System.Net;
using ImpactMesh.Grains;
using Orleans.Configuration;
using Orleans.Dashboard;
using ImpactMesh.Grains.Components;
using ImpactMesh.Grains.Hosting;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using Orleans.Persistence;
using StackExchange.Redis;

namespace ImpactMesh.Silo.Hosting;

/// <summary>
/// Hosts the Orleans silo in the web application. Configuration: <c>Orleans:SiloPort</c> (default 11111),
/// <c>Orleans:GatewayPort</c> (30000), <c>Orleans:ClusterId</c> and <c>Orleans:ServiceId</c> (both "impactmesh"),
/// <c>Orleans:AdvertisedAddress</c> (default loopback), and <see cref="SiloOptions.Redis"/>.
/// </summary>
public static class OrleansSiloExtensions
{
    // The Orleans dashboard's grain-call filter (internal to it), which ProfileGrainCalls keeps.
    internal const string DashboardProfilerFilter = "Orleans.Dashboard.Implementation.GrainProfilerFilter";

    public static WebApplicationBuilder AddImpactMeshSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var redis = RedisConnectionString(configuration);
        var siloPort = configuration.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000);
        var address = IPAddress.Parse(configuration["Orleans:AdvertisedAddress"] ?? IPAddress.Loopback.ToString());

        builder.Services.AddKeyedSingleton(ServiceKeys.Time, TimeProvider.System);
        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.Section)
            .PostConfigure(o => o.Redis = redis);
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .PostConfigure(o => o.PersistDetectors |= redis is not null && configuration[$"{MetricsOptions.Section}:PersistDetectors"] is null);

        // Callers outside grains (the HTTP API, the hub) would otherwise grow Orleans' completion-source pools for ever.
        ResponsePools.Bound(typeof(SampleBatchResult), typeof(ComponentHealth));

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = configuration["Orleans:ClusterId"] ?? "impactmesh";
                o.ServiceId = configuration["Orleans:ServiceId"] ?? "impactmesh";
            });

            if (redis is null)
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort);
                silo.AddImpactMeshMemoryStorage();
            }
            else
            {
                var redisOptions = ConfigurationOptions.Parse(redis);
                silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
                silo.UseRedisClustering(o => o.ConfigurationOptions = redisOptions.Clone());
                foreach (var name in StorageNames.All)
                {
                    silo.AddRedisGrainStorage(name, o => o.ConfigurationOptions = redisOptions.Clone());
                    silo.UseOrleansSerializerFor<RedisStorageOptions>(name);
                }

                StateDurability.Register(silo.Services, outlivesSilo: true);

                // Notice a dead silo within a few seconds instead of the default tens of seconds.
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = TimeSpan.FromSeconds(1);
                    o.NumMissedProbesLimit = 2;
                    o.NumVotesForDeathDeclaration = 1;
                    o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                });
            }

            silo.AddImpactMeshStreams();
            silo.AddDashboard();
            if (!configuration.GetValue<bool>($"{SiloOptions.Section}:{nameof(SiloOptions.ProfileGrainCalls)}"))
            {
                var profiler = silo.Services.Where(d => d.ServiceType == typeof(IIncomingGrainCallFilter) && d.ImplementationType?.FullName == DashboardProfilerFilter).ToList();
                foreach (var descriptor in profiler) silo.Services.Remove(descriptor);
            }
        });

        // After the silo: hosted services start in this order and stop in the reverse one, so these run only while it does.
        builder.Services.AddHostedService<SampleTopologyLoader>();
        builder.Services.AddHostedService<DemoFeed>();
        builder.Services.AddHostedService<SampleSlaLoader>();
        return builder;
    }

    /// <summary>The Redis connection string from <c>ImpactMesh:Redis</c> or <c>IMPACTMESH_REDIS</c>; null for embedded mode.</summary>
    public static string? RedisConnectionString(IConfiguration configuration)
    {
        var value = configuration[$"{SiloOptions.Section}:Redis"];
        if (string.IsNullOrWhiteSpace(value)) value = configuration["IMPACTMESH_REDIS"];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
