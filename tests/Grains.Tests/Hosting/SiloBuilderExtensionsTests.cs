using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ImpactMesh.Grains.Tests.Hosting;

using ImpactMesh.Grains.Hosting;

public sealed class SiloBuilderExtensionsTests
{
    [Fact]
    public void The_stream_queue_cache_keeps_events_for_the_retention_not_Orleans_half_hour()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddImpactMeshStreams());
        using var host = builder.Build();

        var eviction = host.Services.GetRequiredService<IOptionsMonitor<StreamCacheEvictionOptions>>().Get(StreamNames.Provider);

        Assert.Equal(SiloBuilderExtensions.StreamCacheRetention, eviction.DataMinTimeInCache);
        Assert.Equal(SiloBuilderExtensions.StreamCacheRetention, eviction.DataMaxAgeInCache);
        Assert.True(SiloBuilderExtensions.StreamCacheRetention < StreamCacheEvictionOptions.DefaultDataMaxAgeInCache);
    }
}
