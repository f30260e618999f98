using ImpactMesh.Grains.Interfaces.Health;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using ImpactMesh.Dashboard.Realtime;
using ImpactMesh.LoadTests.Estate;
using ImpactMesh.LoadTests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// A generated estate loaded into a target, with the samples' target made, every metric primed and the impact feed
/// watched: the embedded silo this process starts (grain calls and the impact index's feed), or a running cluster given
/// its URL (HTTP and the SignalR hub).
/// </summary>
internal sealed class LoadSession : IAsyncDisposable
{
    private readonly LoadOptions _options;
    private IAsyncDisposable? _feed;

    private LoadSession(LoadOptions options, EmbeddedSilo silo, EstateGenerator.Estate estate, double loadSeconds)
    {
        _options = options;
        Silo = silo;
        Estate = estate;
        LoadSeconds = loadSeconds;
        Grains = silo.Services?.GetRequiredService<IGrainFactory>();
        Services = estate.Services.ToHashSet(StringComparer.Ordinal);
        Target = CreateTarget();
    }

    public EmbeddedSilo Silo { get; }

    public EstateGenerator.Estate Estate { get; }

    /// <summary>Seconds the PUT of the estate took.</summary>
    public double LoadSeconds { get; }

    /// <summary>The grain factory of the embedded silo; null against a running cluster.</summary>
    public IGrainFactory? Grains { get; }

    public IReadOnlySet<string> Services { get; }

    /// <summary>Where the samples go: in-process grain calls, or HTTP with <c>--http</c> or against a running cluster.</summary>
    public ILoadTarget Target { get; }

    /// <summary>Samples per call of <see cref="Target"/>: a batch in process, a request body over HTTP.</summary>
    public int BatchSize => Target is HttpTarget http ? http.SamplesPerRequest : _options.BatchSize;

    /// <summary>The impact feed: the embedded silo's impact index, or the SignalR hub (a running cluster, or <c>--hub</c>).</summary>
    public ImpactWatcher Watcher { get; } = new();

    /// <summary>Where <see cref="Watcher"/>'s changes come from, for the report.</summary>
    public string FeedDescription { get; private set; } = "";

    /// <summary>Seconds priming took (first samples for every metric, then quiet).</summary>
    public double PrimeSeconds { get; private set; }

    /// <summary>Generates the estate, loads it, watches the impact feed, makes the target and primes every metric.</summary>
    public static async Task<LoadSession> StartAsync(LoadOptions options)
    {
        var estate = EstateGenerator.Generate(options.Estate);
        Console.WriteLine($"Estate: {estate.Components:N0} components, {estate.Relations:N0} relations, depth {estate.Layers.Count}, {estate.Metrics.Count} metrics each");
        var silo = await EmbeddedSilo.StartAsync(options.Url, options.Key, options.Redis);
        Console.WriteLine(silo.InProcess ? $"Embedded silo at {silo.Address}" : $"Cluster at {silo.Address}");
        var seconds = await PutTopologyAsync(silo.CreateClient(), estate.Document);
        Console.WriteLine($"Topology loaded in {seconds:N1} s");
        var session = new LoadSession(options, silo, estate, seconds);
        if (session.Grains is null || options.Hub)
        {
            session._feed = await HubImpactFeed.StartAsync(silo.Address, silo.Key, session.Watcher, TimeProvider.System);
            session.FeedDescription = "SignalR hub " + ImpactHub.Path;
        }
        else
        {
            session._feed = await GrainImpactFeed.StartAsync(session.Grains, session.Watcher, TimeProvider.System);
            session.FeedDescription = "impact index (in-process observer)";
        }

        await session.PrimeAsync();
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

    /// <summary>A short run of <paramref name="target"/> (default <see cref="Target"/>) to activate grains and JIT the paths.</summary>
    public Task WarmUpAsync(double samplesPerSecond, ILoadTarget? target = null) =>
        LoadRunner.WarmUpAsync(target ?? Target, Schedule(samplesPerSecond), _options.Warmup, _options.MaxInFlight);

    /// <summary>Runs one phase of <see cref="Target"/> at <paramref name="samplesPerSecond"/>, with failure injection when given.</summary>
    public Task<PhaseResult> RunAsync(double samplesPerSecond, TimeSpan duration, FailureInjector? injector, TimeSpan injectEvery, int injections = int.MaxValue) =>
        LoadRunner.RunAsync(Target, Schedule(samplesPerSecond), duration, _options.MaxInFlight, injector, injectEvery, injections: injections);

    /// <summary>Failure injection on the estate's leaves through <see cref="Target"/>, watched through <see cref="Watcher"/>.</summary>
    public FailureInjector CreateInjector() => new(Target, Watcher, TimeProvider.System, Estate.Leaves, Services);

    /// <summary>In-process grain calls unless <c>--http</c> (or no embedded silo); emptyWork gives the baseline.</summary>
    public ILoadTarget CreateTarget(bool emptyWork = false)
    {
        var batches = new SampleBatches(Estate.All, Estate.Metrics, _options.BatchSize);
        if (_options.Http || Grains is null) return new HttpTarget([Silo.Address], Silo.Key, batches, _options.ComponentsPerRequest);
        return new GrainTarget(Grains, Silo.Services!.GetRequiredService<ISampleIngestion>(), batches, TimeProvider.System, emptyWork);
    }

    public async ValueTask DisposeAsync()
    {
        if (_feed is not null) await _feed.DisposeAsync();
        await Silo.DisposeAsync();
    }

    /// <summary>An open-loop schedule of <see cref="Target"/>'s calls at <paramref name="samplesPerSecond"/>.</summary>
    private OpenLoopSchedule Schedule(double samplesPerSecond) => new(samplesPerSecond, BatchSize);

    /// <summary>
    /// Gives every metric of every component a first sample (until then a declared metric is Unknown, and so is the
    /// component), then waits until the estate is quiet: no impact change for 2 s (60 s at most).
    /// Without it the first minute of a run measures the one-off Unknown-to-Ok cascade, not steady ingestion.
    /// </summary>
    private async Task PrimeAsync()
    {
        var clock = Stopwatch.StartNew();
        var batches = Target is HttpTarget http ? (Estate.Components + http.ComponentsPerRequest - 1) / http.ComponentsPerRequest : Estate.Components;
        await Parallel.ForAsync(0L, batches, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (k, _) => await Target.SendAsync(k));
        var last = Watcher.Changes;
        var quietSince = Stopwatch.StartNew();
        while (quietSince.Elapsed < TimeSpan.FromSeconds(2) && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
            if (Watcher.Changes != last) quietSince.Restart();
            last = Watcher.Changes;
        }

        Console.WriteLine($"Primed every component's metrics; quiet after {clock.Elapsed.TotalSeconds:N1} s");
        PrimeSeconds = clock.Elapsed.TotalSeconds;
    }
}
