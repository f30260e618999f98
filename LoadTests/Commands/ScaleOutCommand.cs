using System.Globalization;
using System.Security.Cryptography;
using ImpactMesh.LoadTests.Estate;
using ImpactMesh.LoadTests.Hosting;
using ImpactMesh.LoadTests.Load;
using ImpactMesh.LoadTests.Reports;

namespace ImpactMesh.LoadTests.Commands;

/// <summary>
/// <c>scale-out --redis host:port</c>: for 1, 2, ... <c>--silos</c> Silo processes on this machine (a fresh cluster each
/// time, clustered and persisted through Redis), loads the estate and ramps HTTP ingestion spread round robin over the
/// silos, reporting the highest sustainable rate and the silos' CPU and memory per cluster size.
/// </summary>
internal sealed class ScaleOutCommand : ICommand
{
    public string Name => "scale-out";

    public string Summary => "Ramp HTTP ingestion on 1..--silos Silo processes clustered through --redis host:port";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args);
        var redis = options.String("redis") ?? throw new ArgumentException("--redis host:port is required (e.g. redis-server --port 6399 --save '' --appendonly no --daemonize yes)");
        var maxSilos = options.Int("silos", 3);
        var estateOptions = new EstateOptions(options.Int("components", 10_000), options.Int("fan-out", 3), options.Int("depth", 8), options.Int("seed", 42), options.Int("metrics", 4));
        var batch = options.Int("batch", 5_000);
        var perRequest = options.Int("components-per-request", 50);
        var maxInFlight = options.Int("max-in-flight", 4_096);
        var settings = RampSettings.Read(options, 50_000);
        var warmup = TimeSpan.FromSeconds(options.Double("warmup", 3));
        var output = options.String("out") ?? Path.Combine("LoadTests", "reports");
        var name = options.String("name") ?? "scale-out";
        options.EnsureAllUsed();

        var estate = EstateGenerator.Generate(estateOptions);
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var report = new LoadReport(name, $"Scale-out: HTTP ingestion on 1 to {maxSilos} silos (one machine, Redis clustering)", "scale-out " + string.Join(' ', args));
        report.Add("Setup", "components", estate.Components).Add("Setup", "relations", estate.Relations).Add("Setup", "metrics per component", estate.Metrics.Count)
            .Add("Setup", "redis", redis).Add("Setup", "machine cores (shared by the silos and the load generator)", Environment.ProcessorCount);
        report.AddAll("Search", settings);
        List<ChartSeries> series = [];
        var summary = new List<object>();
        for (var n = 1; n <= maxSilos; n++)
        {
            var clusterId = $"load-{n}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";
            Console.WriteLine($"Starting {n} silo(s), cluster {clusterId}");
            var silos = new List<SiloProcess>();
            try
            {
                for (var i = 0; i < n; i++) silos.Add(await SiloProcess.StartAsync(redis, clusterId, key));
                using var admin = new HttpClient { BaseAddress = silos[0].Address, Timeout = TimeSpan.FromMinutes(10) };
                admin.DefaultRequestHeaders.Add("X-Api-Key", key);
                var putSeconds = await LoadSession.PutTopologyAsync(admin, estate.Document);
                Console.WriteLine($"  topology loaded in {putSeconds:N1} s");
                var target = new HttpTarget([.. silos.Select(s => s.Address)], key, new SampleBatches(estate.All, estate.Metrics, batch), perRequest);

                // Prime: a first sample for every metric (declared metrics start Unknown), then let the cascade settle.
                var requests = (estate.Components + perRequest - 1) / perRequest;
                await Parallel.ForAsync(0L, requests, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (k, _) => await target.SendAsync(k));
                await Task.Delay(TimeSpan.FromSeconds(5));
                await LoadRunner.WarmUpAsync(target, new OpenLoopSchedule(settings.StartRate, target.SamplesPerRequest), warmup, maxInFlight);
                var cpuBefore = silos.Sum(s => s.CpuSeconds());
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var search = await RampRunner.RunAsync(target, target.SamplesPerRequest, settings, maxInFlight);
                var siloCores = (silos.Sum(s => s.CpuSeconds()) - cpuBefore) / clock.Elapsed.TotalSeconds;
                var section = $"{n} silo(s)";
                report.Add(section, "topology PUT (s)", Math.Round(putSeconds, 1));
                RampRunner.AddSteps(report, section, search);
                report.Add(section, "silo CPU during the ramp (cores, all silos)", Math.Round(siloCores, 2))
                    .Add(section, "silo working sets at the end (MB)", string.Join(", ", silos.Select(s => s.WorkingSetMB().ToString("0", CultureInfo.InvariantCulture))));
                series.Add(RampRunner.Series($"{n} silo(s), p99", search));
                summary.Add(new { silos = n, sustainable = search.Sustainable ?? 0, steps = search.Steps, siloCores });
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException)
            {
                Console.Error.WriteLine($"  {n} silo(s) failed: {e.Message}");
                report.Add($"{n} silo(s)", "error", e.Message.Split('\n')[0]);
            }
            finally
            {
                foreach (var silo in silos) await silo.DisposeAsync();
            }
        }

        report.Note("All silos and the load generator share this machine's cores, so the comparison shows coordination cost more than added capacity; on separate machines each silo brings its own cores.");
        var chart = LatencyChart.Write(Path.Combine(output, name + ".png"), $"{name}: p99 latency against offered rate per cluster size", "offered samples/s", series, settings.P99BoundMs);
        report.Add("Setup", "chart", chart);
        report.Attach("clusters", summary);
        await report.WriteAsync(output);
        return 0;
    }
}
