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
        var load = LoadOptions.Read(options);
        var settings = RampSettings.Read(options, load.Http ? 100_000 : 500_000);
        var baseline = options.Flag("baseline");
        var name = options.String("name") ?? (load.Http ? "ramp-http" : "ramp");
        options.EnsureAllUsed();

        await using var session = await LoadSession.StartAsync(load.Estate, load.Url, load.Key);
        var target = session.CreateTarget(load);
        var batchSize = target is HttpTarget h ? h.SamplesPerRequest : load.BatchSize;
        await session.PrimeAsync(target);
        var report = new LoadReport(name, $"Ramp: highest sustainable rate via {target.Description}", "ramp " + string.Join(' ', args));
        LoadCommand.SetupSection(report, session, target);
        report.AddAll("Search", settings);
        List<ChartSeries> series = [];

        RampSearch? plain = null;
        if (baseline && session.Grains is not null && !load.Http)
        {
            var empty = session.CreateTarget(load, emptyWork: true);
            await LoadRunner.WarmUpAsync(empty, new OpenLoopSchedule(settings.StartRate, batchSize), load.Warmup, load.MaxInFlight);
            Console.WriteLine($"Baseline ramp: {empty.Description}");
            plain = await RampRunner.RunAsync(empty, batchSize, settings, load.MaxInFlight);
            RampRunner.AddSteps(report, "Baseline: plain batched grain calls (no sample work)", plain);
            series.Add(RampRunner.Series("baseline: plain grain call, p99", plain));
        }

        await LoadRunner.WarmUpAsync(target, new OpenLoopSchedule(settings.StartRate, batchSize), load.Warmup, load.MaxInFlight);
        Console.WriteLine($"Ramp: {target.Description}");
        var search = await RampRunner.RunAsync(target, batchSize, settings, load.MaxInFlight);
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

        var chart = LatencyChart.Write(Path.Combine(load.OutputFolder, name + ".png"), $"{name}: p99 sample-to-status latency against offered rate", "offered samples/s", series, settings.P99BoundMs);
        report.Add("Setup", "chart", chart);
        report.Attach("steps", search.Steps).Attach("baselineSteps", plain?.Steps);
        await report.WriteAsync(load.OutputFolder);
        return 0;
    }
}
