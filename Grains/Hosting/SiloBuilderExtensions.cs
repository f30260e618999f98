using ImpactMesh.Grains.Components;
using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ImpactMesh.Grains.ServiceLevels;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Streams;

namespace ImpactMesh.Grains.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>In-memory grain storage for <see cref="StorageNames"/> (embedded mode and tests).</summary>
    public static ISiloBuilder AddImpactMeshMemoryStorage(this ISiloBuilder silo)
    {
        foreach (var name in StorageNames.All)
        {
            silo.AddMemoryGrainStorage(name);
            silo.UseOrleansSerializerFor<MemoryGrainStorageOptions>(name);
        }

        StateDurability.Register(silo.Services, outlivesSilo: false);
        return silo;
    }

    /// <summary>
    /// The in-memory stream provider of <see cref="StreamNames"/>: queues are served from the moment a silo starts (not
    /// after the default two-minute maturity period) and polled every 20 ms, so a change reaches the impact index at once;
    /// every SLA's stream goes to the one <see cref="SlaFeedGrain"/>; the silo's <see cref="ImpactPublisher"/>, which
    /// batches its component grains' changes onto the impact stream; and its <see cref="PropagationPriority"/>, on the
    /// real clock (it schedules work; it does not stamp data), with the <see cref="ISampleIngestion"/> that heeds it.
    /// Delivered events stay in the queue cache for <see cref="StreamCacheRetention"/>, not Orleans' default 30 minutes:
    /// the consumers are live (nothing rewinds), and 30 minutes of impact changes made a silo's memory grow for the first
    /// half hour of every run.
    /// </summary>
    /// <summary>How long the stream queue cache keeps events after they were enqueued.</summary>
    public static readonly TimeSpan StreamCacheRetention = TimeSpan.FromMinutes(1);

    public static ISiloBuilder AddImpactMeshStreams(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<ImpactPublisher>();
        silo.Services.AddSingleton<ISampleIngestion, SampleIngestion>();
        silo.Services.AddSingleton(services => new PropagationPriority(TimeProvider.System, services.GetRequiredService<IOptions<MetricsOptions>>().Value.LongestWaitForPropagation));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<ImpactPublisher>());
        silo.AddMemoryStreams(StreamNames.Provider);
        silo.Services.Configure<DeploymentBasedQueueBalancerOptions>(StreamNames.Provider, o => o.SiloMaturityPeriod = TimeSpan.Zero);
        silo.Services.Configure<StreamPullingAgentOptions>(StreamNames.Provider, o => o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(20));
        silo.Services.Configure<StreamCacheEvictionOptions>(StreamNames.Provider, o =>
        {
            o.DataMinTimeInCache = StreamCacheRetention;
            o.DataMaxAgeInCache = StreamCacheRetention;
        });
        silo.Services.AddKeyedSingleton<IStreamIdMapper, SlaFeedStreamIdMapper>(SlaFeedStreamIdMapper.Name);
        return silo;
    }

    /// <summary>
    /// Stores state with Orleans' own version-tolerant serializer (the <c>[Id]</c>-numbered wire format) instead of the
    /// default JSON one, which is slower and cannot read immutable collections back.
    /// </summary>
    public static ISiloBuilder UseOrleansSerializerFor<TOptions>(this ISiloBuilder silo, string name)
        where TOptions : class, IStorageProviderSerializerOptions
    {
        silo.Services.AddOptions<TOptions>(name)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        return silo;
    }
}
