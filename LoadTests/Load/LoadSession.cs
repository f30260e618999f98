using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using ImpactMesh.LoadTests.Estate;
using ImpactMesh.LoadTests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// A generated estate loaded into a target: the embedded silo this process starts (grain calls and the impact feed
/// available), or a running cluster given its URL (HTTP only).
/// </summary>
internal sealed class LoadSession : IAsyncDisposable
{
    private LoadSession(EmbeddedSilo silo, EstateGenerator.Estate estate, double loadSeconds)
    {
        Silo = silo;
        Estate = estate;
        LoadSeconds = loadSeconds;
        Grains = silo.Services?.GetRequiredService<IGrainFactory>();
        Services = estate.Services.ToHashSet(StringComparer.Ordinal);
    }

    public EmbeddedSilo Silo { get; }

    public EstateGenerator.Estate Estate { get; }

    /// <summary>Seconds the PUT of the estate took.</summary>
    public double LoadSeconds { get; }

    /// <summary>The grain factory of the embedded silo; null against a running cluster.</summary>
    public IGrainFactory? Grains { get; }

    public IReadOnlySet<string> Services { get; }

    /// <summary>The impact feed of the embedded silo (null against a running cluster).</summary>
    public ImpactWatcher? Watcher { get; private set; }

    /// <summary>Seconds priming took (first samples for every metric, then quiet).</summary>
    public double PrimeSeconds { get; private set; }

    public static async Task<LoadSession> StartAsync(EstateOptions estateOptions, string? url, string? key)
    {
        var estate = EstateGenerator.Generate(estateOptions);
        Console.WriteLine($"Estate: {estate.Components:N0} components, {estate.Relations:N0} relations, depth {estate.Layers.Count}, {estate.Metrics.Count} metrics each");
        var silo = await EmbeddedSilo.StartAsync(url, key);
        Console.WriteLine(silo.InProcess ? $"Embedded silo at {silo.Address}" : $"Cluster at {silo.Address}");
        var seconds = await PutTopologyAsync(silo.CreateClient(), estate.Document);
        Console.WriteLine($"Topology loaded in {seconds:N1} s");
        var session = new LoadSession(silo, estate, seconds);
        if (session.Grains is not null)
        {
            session.Watcher = new ImpactWatcher(session.Grains, TimeProvider.System);
            await session.Watcher.StartAsync();
        }

        return session;
    }

    /// <summary>
    /// PUTs the document; a large estate on a busy machine can outlast the cluster's 30 s response time-out (503) while
    /// the topology grain carries on, so it retries (an unchanged document is quick once the first PUT is done).
    /// </summary>
    public static async Task<double> PutTopologyAsync(HttpClient client, string document)
    {
        using (client)
        {
            var clock = Stopwatch.StartNew();
            for (var attempt = 1; ; attempt++)
            {
                using var content = new StringContent(document, Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PutAsync("/api/topology", content);
                if (response.IsSuccessStatusCode) return clock.Elapsed.TotalSeconds;
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode < 500 || attempt == 5) throw new InvalidOperationException($"PUT /api/topology failed: {(int)response.StatusCode} {body[..Math.Min(1000, body.Length)]}");
                Console.WriteLine($"  PUT /api/topology: {(int)response.StatusCode} after {clock.Elapsed.TotalSeconds:N0} s; retrying");
            }
        }
    }

    /// <summary>
    /// Gives every metric of every component a first sample (until then a declared metric is Unknown, and so is the
    /// component), then waits until the estate is quiet: no impact change for 2 s (in process; 60 s at most) or 5 s (HTTP).
    /// Without it the first minute of a run measures the one-off Unknown-to-Ok cascade, not steady ingestion.
    /// </summary>
    public async Task PrimeAsync(ILoadTarget target)
    {
        var watcher = Watcher;
        var clock = Stopwatch.StartNew();
        var batches = target is HttpTarget http ? (Estate.Components + http.ComponentsPerRequest - 1) / http.ComponentsPerRequest : Estate.Components;
        await Parallel.ForAsync(0L, batches, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (k, _) => await target.SendAsync(k));
        if (watcher is null)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        else
        {
            var last = watcher.Changes;
            var quietSince = Stopwatch.StartNew();
            while (quietSince.Elapsed < TimeSpan.FromSeconds(2) && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(200);
                if (watcher.Changes != last) quietSince.Restart();
                last = watcher.Changes;
            }
        }

        Console.WriteLine($"Primed every component's metrics; quiet after {clock.Elapsed.TotalSeconds:N1} s");
        PrimeSeconds = clock.Elapsed.TotalSeconds;
    }

    /// <summary>The samples of a run over every component of the estate.</summary>
    public SampleBatches Batches(int batchSize) => new(Estate.All, Estate.Metrics, batchSize);

    /// <summary>In-process grain calls unless <paramref name="http"/> (or no embedded silo); emptyWork gives the baseline.</summary>
    public ILoadTarget CreateTarget(LoadOptions options, bool emptyWork = false)
    {
        var batches = Batches(options.BatchSize);
        if (options.Http || Grains is null) return new HttpTarget([Silo.Address], Silo.Key, batches, options.ComponentsPerRequest);
        return new GrainTarget(Grains, batches, TimeProvider.System, emptyWork);
    }

    public async ValueTask DisposeAsync()
    {
        if (Watcher is not null) await Watcher.DisposeAsync();
        await Silo.DisposeAsync();
    }
}
