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
        var load = LoadOptions.Read(options, Name);
        var rate = options.Double("rate", load.Http ? 200_000 : 1_000_000);
        var duration = TimeSpan.FromSeconds(options.Double("duration", 20));
        var failEvery = TimeSpan.FromSeconds(options.Double("fail-every", 1));
        options.EnsureAllUsed();

        await using var session = await LoadSession.StartAsync(load);
        await session.WarmUpAsync(rate);
        var changesBefore = session.Watcher.Changes;
        var phase = await session.RunAsync(rate, duration, failEvery > TimeSpan.Zero ? session.CreateInjector() : null, failEvery);
        var report = new LoadReport(load.Name, $"Load: {rate:N0} samples/s via {session.Target.Description}", Name + " " + string.Join(' ', args));
        SetupSection(report, session);
        PhaseReport.Add(report, phase);
        report.Add("Ingestion", "impact changes seen during the run (background and injected)", session.Watcher.Changes - changesBefore);
        report.Note("Sample-to-status latency: from the batch's intended send time until the call returned, i.e. the component's statistics, thresholds and status were updated (in process), or the HTTP request was answered after every grain call (HTTP).");
        var chart = PhaseReport.ChartOverTime(Path.Combine(load.OutputFolder, load.Name + ".png"), report.Name + ": sample-to-status latency over time", phase.Ingestion.Intervals);
        report.Add("Setup", "chart", chart);
        await report.WriteAsync(load.OutputFolder);
        return phase.Ingestion.Errors == 0 ? 0 : 2;
    }

    internal static void SetupSection(LoadReport report, LoadSession session)
    {
        report.Add("Setup", "target", session.Target.Description)
            .Add("Setup", "silo", session.Silo.Description)
            .Add("Setup", "impact feed", session.FeedDescription)
            .Add("Setup", "components", session.Estate.Components)
            .Add("Setup", "relations", session.Estate.Relations)
            .Add("Setup", "layers", session.Estate.Layers.Count)
            .Add("Setup", "metrics per component", session.Estate.Metrics.Count)
            .Add("Setup", "topology PUT (s)", Math.Round(session.LoadSeconds, 2))
            .Add("Setup", "priming: first samples for every metric, then quiet (s)", Math.Round(session.PrimeSeconds, 1));
        if (session.Target is HttpTarget http) report.Add("Setup", "request body (bytes)", http.BodyBytes);
    }
}
