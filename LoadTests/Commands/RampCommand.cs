using ImpactMesh.LoadTests.Load;
using ImpactMesh.LoadTests.Reports;

namespace ImpactMesh.LoadTests.Commands;

/// <summary>
/// <c>ramp</c>: finds the highest rate at which the sample-to-status p99 stays under <c>--p99-ms</c> (and the achieved
/// rate within 5% of the target, with no errors), in process or <c>--http</c>. With <c>--baseline</c> it first ramps
/// plain batched grain calls that carry no samples, measured in the same run, and reports the ratio.
/// </summary>
internal sealed class RampCommand : ICommand
{
    public string Name => "ramp";

    public string Summary => "Find the highest sustainable samples/s with p99 under --p99-ms (in process or --http; --baseline: plain grain calls too)";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args);
        var load = LoadOptions.Read(options, Name);
        var settings = RampSettings.Read(options, load.Http ? 100_000 : 500_000);
        var baseline = options.Flag("baseline");
        options.EnsureAllUsed();

        await using var session = await LoadSession.StartAsync(load);
        var report = new LoadReport(load.Name, $"Ramp: highest sustainable rate via {session.Target.Description}", Name + " " + string.Join(' ', args));
        LoadCommand.SetupSection(report, session);
        report.AddAll("Search", settings);
        List<ChartSeries> series = [];

        RampSearch? plain = null;
        if (baseline && session.Grains is not null && !load.Http)
        {
            var empty = session.CreateTarget(emptyWork: true);
            await session.WarmUpAsync(settings.StartRate, empty);
            Console.WriteLine($"Baseline ramp: {empty.Description}");
            plain = await RampRunner.RunAsync(empty, session.BatchSize, settings, load.MaxInFlight);
            RampRunner.AddSteps(report, "Baseline: plain batched grain calls (no sample work)", plain);
            series.Add(RampRunner.Series("baseline: plain grain call, p99", plain));
        }

        await session.WarmUpAsync(settings.StartRate);
        Console.WriteLine($"Ramp: {session.Target.Description}");
        var search = await RampRunner.RunAsync(session.Target, session.BatchSize, settings, load.MaxInFlight);
        RampRunner.AddSteps(report, "Ingestion with statistics, thresholds and status", search);
        series.Add(RampRunner.Series(load.Http ? "HTTP JSON ingestion, p99" : "in-process ingestion, p99", search));
        if (plain?.Sustainable is { } p && search.Sustainable is { } s)
        {
            report.Add("Ingestion with statistics, thresholds and status", "ratio to the baseline (sustainable rates)", Math.Round(s / p, 2));
        }

        if (plain is not null)
        {
            report.Add("Ingestion with statistics, thresholds and status", "ratio to the baseline (samples per CPU-second)", Math.Round(RampRunner.PerCpuSecond(search) / RampRunner.PerCpuSecond(plain), 2));
        }

        var chart = LatencyChart.Write(Path.Combine(load.OutputFolder, load.Name + ".png"), $"{load.Name}: p99 sample-to-status latency against offered rate", "offered samples/s", series, settings.P99BoundMs);
        report.Add("Setup", "chart", chart);
        report.Attach("steps", search.Steps).Attach("baselineSteps", plain?.Steps);
        await report.WriteAsync(load.OutputFolder);
        return 0;
    }
}
