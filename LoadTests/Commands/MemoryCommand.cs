using System.Collections.Immutable;
using System.Diagnostics;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.LoadTests.Estate;
using ImpactMesh.LoadTests.Hosting;
using ImpactMesh.LoadTests.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactMesh.LoadTests.Commands;

/// <summary>
/// <c>memory</c>: the embedded silo's memory for a large estate (default 100,000 components with 4 metrics each): managed
/// heap after start-up, after loading the topology (every component grain active) and after every metric has taken
/// samples (detectors warm), as bytes per component, with the process working set against the 2 GB target.
/// </summary>
internal sealed class MemoryCommand : ICommand
{
    public string Name => "memory";

    public string Summary => "Bytes per component for 100,000 components x 4 metrics in one silo (target: process under 2 GB)";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args);
        var estateOptions = new EstateOptions(options.Int("components", 100_000), options.Int("fan-out", 3), options.Int("depth", 8), options.Int("seed", 42), options.Int("metrics", 4), options.Flag("declare-metrics"));
        var samplesPerMetric = options.Int("samples-per-metric", 30);
        var output = options.String("out") ?? Path.Combine("LoadTests", "reports");
        var name = options.String("name") ?? "memory";
        options.EnsureAllUsed();

        var estate = EstateGenerator.Generate(estateOptions);
        Console.WriteLine($"Estate: {estate.Components:N0} components, {estate.Relations:N0} relations, {estate.Metrics.Count} metrics each");
        await using var silo = await EmbeddedSilo.StartAsync(null, null);
        var grains = silo.Services!.GetRequiredService<IGrainFactory>();
        var started = Settle();
        var document = estate.Document;
        var putSeconds = await Load.LoadSession.PutTopologyAsync(silo.CreateClient(), document);
        estate = estate with { Document = "" };
        document = "";
        Console.WriteLine($"Topology loaded in {putSeconds:N1} s");
        var loaded = Settle();

        var clock = Stopwatch.StartNew();
        var sent = await FeedAsync(grains, estate, samplesPerMetric);
        var feedSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{sent:N0} samples in {feedSeconds:N1} s");
        var fed = Settle();
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        var info = GC.GetGCMemoryInfo();

        var n = (double)estate.Components;
        var report = new LoadReport(name, $"Memory: {estate.Components:N0} components x {estate.Metrics.Count} metrics in one silo", "memory " + string.Join(' ', args));
        report.Add("Setup", "components", estate.Components)
            .Add("Setup", "relations", estate.Relations)
            .Add("Setup", "metrics per component", estate.Metrics.Count)
            .Add("Setup", "metrics declared in the topology", estateOptions.DeclareMetrics ? "yes" : "no (created by their first sample)")
            .Add("Setup", "samples per metric fed", samplesPerMetric)
            .Add("Setup", "topology PUT (s)", Math.Round(putSeconds, 1))
            .Add("Setup", "feeding every metric (s)", Math.Round(feedSeconds, 1));
        report.Add("Memory", "managed heap after start-up (MB)", Mb(started))
            .Add("Memory", "managed heap with the topology loaded (MB)", Mb(loaded))
            .Add("Memory", "managed heap with every metric warm (MB)", Mb(fed))
            .Add("Memory", "bytes per component, topology only", Math.Round((loaded - started) / n))
            .Add("Memory", "bytes per component, with 4 warm metrics", Math.Round((fed - started) / n))
            .Add("Memory", "bytes per metric detector (difference)", Math.Round((fed - loaded) / n / estate.Metrics.Count))
            .Add("Memory", "GC heap size (MB)", Mb(info.HeapSizeBytes))
            .Add("Memory", "GC committed (MB)", Mb(info.TotalCommittedBytes))
            .Add("Memory", "process working set (MB)", Mb(workingSet))
            .Add("Memory", "target: process under 2 GB", workingSet < 2_000_000_000 ? "met" : "NOT met");
        if (!estateOptions.DeclareMetrics) report.Note("Metrics are not declared in the topology by default: declared metrics start Unknown, and loading 100,000 Unknown components in one PUT floods the impact stream (see RESULTS.md); --declare-metrics declares them.");
        report.Note("Managed heap: GC.GetTotalMemory after full blocking compacting collections; the working set also holds the runtime, JIT code and the web host.");
        await report.WriteAsync(output);
        GC.KeepAlive(estate);
        return 0;
    }

    /// <summary>Sends every component <paramref name="samplesPerMetric"/> samples of each metric, 64 calls in flight.</summary>
    private static async Task<long> FeedAsync(IGrainFactory grains, EstateGenerator.Estate estate, int samplesPerMetric)
    {
        var start = DateTimeOffset.UtcNow.AddSeconds(-samplesPerMetric);
        long sent = 0;
        await Parallel.ForEachAsync(estate.All, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (component, _) =>
        {
            var builder = ImmutableArray.CreateBuilder<MetricSample>(samplesPerMetric * estate.Metrics.Count);
            for (var i = 0; i < samplesPerMetric; i++)
            {
                foreach (var metric in estate.Metrics) builder.Add(new MetricSample(metric, 100 + (i % 7), start.AddSeconds(i)));
            }

            var result = await grains.GetGrain<IComponentGrain>(component).RecordSamplesAsync(builder.MoveToImmutable());
            Interlocked.Add(ref sent, result.Accepted);
        });
        return sent;
    }

    private static double Mb(long bytes) => Math.Round(bytes / 1e6, 1);

    private static long Settle()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
