using ImpactMesh.LoadTests.Load;
using ImpactMesh.LoadTests.Reports;

namespace ImpactMesh.LoadTests.Commands;

/// <summary>
/// <c>load</c>: open-loop ingestion at <c>--rate</c> samples/s for <c>--duration</c> seconds (in process, or <c>--http</c>)
/// on a generated estate, with a failure injected and recovered every <c>--fail-every</c> seconds.
/// </summary>
internal sealed class LoadCommand : ICommand
{
    public string Name => "load";

    public string Summary => "Open-loop ingestion at --rate (in process or --http) with failure injection; latency, CPU, memory, errors";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args);
        var load = LoadOptions.Read(options);
        var rate = options.Double("rate", load.Http ? 200_000 : 1_000_000);
        var duration = TimeSpan.FromSeconds(options.Double("duration", 20));
        var failEvery = TimeSpan.FromSeconds(options.Double("fail-every", 1));
        var name = options.String("name") ?? (load.Http ? "load-http" : "load");
        options.EnsureAllUsed();

        await using var session = await LoadSession.StartAsync(load.Estate, load.Url, load.Key);
        var target = session.CreateTarget(load);
        var schedule = new OpenLoopSchedule(rate, target is HttpTarget h ? h.SamplesPerRequest : load.BatchSize);
        await session.PrimeAsync(target);
        await LoadRunner.WarmUpAsync(target, schedule, load.Warmup, load.MaxInFlight);

        var watcher = session.Watcher;
        FailureInjector? injector = null;
        var changesBefore = watcher?.Changes ?? 0;
        if (watcher is not null && failEvery > TimeSpan.Zero)
        {
            injector = new FailureInjector(target, session.Grains!, watcher, TimeProvider.System, session.Estate.Leaves, session.Services);
        }

        var phase = await LoadRunner.RunAsync(target, schedule, duration, load.MaxInFlight, injector, failEvery);
        var report = new LoadReport(name, $"Load: {rate:N0} samples/s via {target.Description}", "load " + string.Join(' ', args));
        SetupSection(report, session, target);
        PhaseReport.Add(report, phase);
        if (watcher is not null) report.Add("Ingestion", "impact changes seen during the run (background and injected)", watcher.Changes - changesBefore);
        if (injector is null) report.Note("No failure injection: it needs the embedded silo's impact feed (or --fail-every was 0).");
        report.Note("Sample-to-status latency: from the batch's intended send time until the call returned, i.e. the component's statistics, thresholds and status were updated (in process), or the HTTP request was answered after every grain call (HTTP).");
        var chart = PhaseReport.ChartOverTime(Path.Combine(load.OutputFolder, name + ".png"), report.Name + ": sample-to-status latency over time", phase.Ingestion.Intervals);
        report.Add("Setup", "chart", chart);
        await report.WriteAsync(load.OutputFolder);
        return phase.Ingestion.Errors == 0 ? 0 : 2;
    }

    internal static void SetupSection(LoadReport report, LoadSession session, ILoadTarget target)
    {
        report.Add("Setup", "target", target.Description)
            .Add("Setup", "silo", session.Silo.InProcess ? "embedded (this process)" : session.Silo.Address.ToString())
            .Add("Setup", "components", session.Estate.Components)
            .Add("Setup", "relations", session.Estate.Relations)
            .Add("Setup", "layers", session.Estate.Layers.Count)
            .Add("Setup", "metrics per component", session.Estate.Metrics.Count)
            .Add("Setup", "topology PUT (s)", Math.Round(session.LoadSeconds, 2))
            .Add("Setup", "priming: first samples for every metric, then quiet (s)", Math.Round(session.PrimeSeconds, 1));
        if (target is HttpTarget http) report.Add("Setup", "request body (bytes)", http.BodyBytes);
    }
}
