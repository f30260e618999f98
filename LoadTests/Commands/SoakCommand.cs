using System.Diagnostics;
using System.Globalization;
using ImpactMesh.LoadTests.Load;
using ImpactMesh.LoadTests.Reports;

namespace ImpactMesh.LoadTests.Commands;

/// <summary>
/// <c>soak</c>: a long open-loop run (<c>--duration</c> seconds at <c>--rate</c>, meant as half the sustainable rate) with
/// failure injection, sampling memory every <c>--sample-every</c> seconds; reports the growth after the warm-up
/// (<c>--settle</c> seconds). A healthy silo shows flat memory.
/// </summary>
internal sealed class SoakCommand : ICommand
{
    public string Name => "soak";

    public string Summary => "Long run at --rate (half capacity) sampling memory every --sample-every s; growth after --settle s";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args);
        var load = LoadOptions.Read(options, Name);
        var rate = options.Double("rate", 250_000);
        var duration = TimeSpan.FromSeconds(options.Double("duration", 180));
        var every = TimeSpan.FromSeconds(options.Double("sample-every", 10));
        var settle = TimeSpan.FromSeconds(options.Double("settle", Math.Min(300, duration.TotalSeconds / 3)));
        var failEvery = TimeSpan.FromSeconds(options.Double("fail-every", 5));
        options.EnsureAllUsed();

        await using var session = await LoadSession.StartAsync(load);
        await session.WarmUpAsync(rate);
        using var stop = new CancellationTokenSource();
        var samples = new List<MemorySample>();
        var sampling = SampleAsync(samples, every, session.Silo.InProcess, stop.Token);
        var phase = await session.RunAsync(rate, duration, failEvery > TimeSpan.Zero ? session.CreateInjector() : null, failEvery);
        await stop.CancelAsync();
        await sampling;

        var (slope, growth, percent, kept) = MemoryTrend.After(samples, settle);
        var report = new LoadReport(load.Name, $"Soak: {duration.TotalMinutes:0.#} min at {rate:N0} samples/s", Name + " " + string.Join(' ', args));
        LoadCommand.SetupSection(report, session);
        report.Add("Memory after warm-up", "settle (s)", settle.TotalSeconds)
            .Add("Memory after warm-up", "samples used", kept)
            .Add("Memory after warm-up", "managed heap slope (MB per minute)", Math.Round(slope, 3))
            .Add("Memory after warm-up", "managed heap growth first to last (MB)", Math.Round(growth, 1))
            .Add("Memory after warm-up", "managed heap growth (%)", Math.Round(percent, 2))
            .Add("Memory after warm-up", "managed heap at the end (MB)", samples.Count == 0 ? double.NaN : samples[^1].ManagedMB)
            .Add("Memory after warm-up", "working set at the end (MB)", samples.Count == 0 ? double.NaN : samples[^1].WorkingSetMB);
        PhaseReport.Add(report, phase);
        report.Attach("memorySamples", samples);
        if (!session.Silo.InProcess) report.Note("Memory is this process's (the load generator), not the cluster's: against --url, watch the silos' own figures.");
        report.Note("Each memory sample forces a full blocking collection (managed heap = live data); that pause shows in the latency of the moment.");
        var chart = LatencyChart.Write(Path.Combine(load.OutputFolder, load.Name + "-memory.png"), $"{load.Name}: managed heap over time", "time (s)",
            [new ChartSeries("managed heap (MB)", [.. samples.Select(s => s.AtSeconds)], [.. samples.Select(s => s.ManagedMB)])], null, "MB");
        report.Add("Setup", "memory chart", chart);
        report.Add("Setup", "latency chart", PhaseReport.ChartOverTime(Path.Combine(load.OutputFolder, load.Name + ".png"), load.Name + ": sample-to-status latency over time", phase.Ingestion.Intervals));
        await report.WriteAsync(load.OutputFolder);
        return 0;
    }

    private static async Task SampleAsync(List<MemorySample> samples, TimeSpan every, bool inProcess, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(every, cancellationToken);
                var managed = GC.GetTotalMemory(forceFullCollection: true) / 1e6;
                using var process = Process.GetCurrentProcess();
                var sample = new MemorySample(Math.Round(clock.Elapsed.TotalSeconds, 1), Math.Round(managed, 1), Math.Round(process.WorkingSet64 / 1e6, 1));
                samples.Add(sample);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  memory t={sample.AtSeconds:F0}s managed {sample.ManagedMB:F1} MB, working set {sample.WorkingSetMB:F1} MB{(inProcess ? "" : " (load generator)")}"));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
