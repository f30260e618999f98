using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Monitoring;
using ImpactMesh.LoadTests.Benchmarks;

namespace ImpactMesh.LoadTests.Commands;

/// <summary>
/// <c>bench [--filter *Detector*]</c>: runs the BenchmarkDotNet benchmarks of this assembly in process (any BenchmarkDotNet
/// option is passed through), then prints samples/s per core and the ratio to the baseline, and the measured bytes per
/// metric detector.
/// </summary>
internal sealed class BenchCommand : ICommand
{
    private const int Detectors = 10_000;

    public string Name => "bench";

    public string Summary => "BenchmarkDotNet benchmarks (Release): [--filter *Detector*] and bytes per metric detector";

    public Task<int> RunAsync(string[] args)
    {
        if (!args.Contains("--filter")) args = [.. args, "--filter", "*"];
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchCommand).Assembly).Run(args, config).ToList();

        foreach (var summary in summaries)
        {
            var reports = summary.Reports.Where(r => r.ResultStatistics is not null).ToList();
            var baseline = reports.FirstOrDefault(r => summary.IsBaseline(r.BenchmarkCase));
            foreach (var r in reports)
            {
                var ns = r.ResultStatistics!.Mean;
                var ratio = baseline is null ? double.NaN : ns / baseline.ResultStatistics!.Mean;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,-30} {ns,8:F2} ns/sample  {1e9 / ns / 1e6,8:F1} M samples/s per core  ratio {ratio:F2}"));
            }
        }

        if (summaries.Any(s => s.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(DetectorBenchmarks))))
        {
            PrintBytesPerDetector();
        }

        return Task.FromResult(summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0);
    }

    /// <summary>Creates 10,000 detectors, warms each with a day of samples, and reports allocated and retained bytes per detector.</summary>
    private static void PrintBytesPerDetector()
    {
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var settings = MetricSettings.Default;
        var detectors = new MetricDetector[Detectors];
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var d = 0; d < Detectors; d++)
        {
            detectors[d] = new MetricDetector("latency_ms", settings);
        }

        var allocatedCreate = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        for (var d = 0; d < Detectors; d++)
        {
            for (var i = 0; i < 1440; i++)
            {
                detectors[d].Observe(start.AddMinutes(i), 100 + (i * 7919 + d) % 37);
            }
        }

        var allocatedWarm = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore - allocatedCreate;
        var retained = GC.GetTotalMemory(true) - before;
        GC.KeepAlive(detectors);
        var perDetector = (retained - Detectors * 8) / (double)Detectors;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Bytes per metric detector: {allocatedCreate / (double)Detectors:F0} allocated at creation, {allocatedWarm / (double)Detectors:F0} allocated by 1,440 samples each, {perDetector:F0} retained (estimate {MetricDetector.ApproximateBytes}); 400,000 metrics = {perDetector * 400_000 / 1e9:F2} GB"));
    }
}
