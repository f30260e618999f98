using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ImpactMesh.LoadTests.Load;
using ImpactMesh.LoadTests.Reports;

namespace ImpactMesh.LoadTests.Commands;

/// <summary>
/// <c>propagation</c> (issue 4's proof): on a generated graph (default 10,000 components, ~30,000 relations, depth 8),
/// under background sample load, injects <c>--injections</c> failures on leaves (a failing sample each) and measures the
/// time from sending the sample to the LAST affected service changing (and recovery), plus the what-if for one component
/// in process and over HTTP (<c>POST /api/whatif</c>); in process or against a running cluster (<c>--url</c>).
/// </summary>
internal sealed class PropagationCommand : ICommand
{
    public string Name => "propagation";

    public string Summary => "Failure-to-last-affected-service latency over many injections under background load; what-if time";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args);
        var load = LoadOptions.Read(options, Name);
        var rate = options.Double("rate", 100_000);
        var injections = options.Int("injections", 100);
        var every = TimeSpan.FromSeconds(options.Double("fail-every", 0.2));
        options.EnsureAllUsed();

        await using var session = await LoadSession.StartAsync(load);
        await session.WarmUpAsync(rate);
        var phase = await session.RunAsync(rate, TimeSpan.FromMinutes(30), session.CreateInjector(), every, injections);

        Console.WriteLine("What-if over HTTP: 50 requests");
        var whatIfHttp = await WhatIfOverHttpAsync(session, 50);

        var report = new LoadReport(load.Name, "Propagation: failure to last affected service, under background load", Name + " " + string.Join(' ', args));
        LoadCommand.SetupSection(report, session);
        report.Add("Setup", "leaves (failure candidates)", session.Estate.Leaves.Count).Add("Setup", "services", session.Estate.Services.Count);
        PhaseReport.Add(report, phase);
        PhaseReport.AddLatency(report, "What-if for one component over HTTP (POST /api/whatif round trip)", whatIfHttp);
        await report.WriteAsync(load.OutputFolder);
        return 0;
    }

    private static async Task<LatencySummary> WhatIfOverHttpAsync(LoadSession session, int count)
    {
        using var client = session.Silo.CreateClient();
        var histogram = LatencySummary.NewHistogram();
        var random = new Random(11);
        for (var i = 0; i < count; i++)
        {
            var leaf = session.Estate.Leaves[random.Next(session.Estate.Leaves.Count)];
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["assume"] = new Dictionary<string, string> { [leaf] = "critical" } });
            var clock = Stopwatch.StartNew();
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/whatif", content);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            histogram.RecordValue(Math.Max(1, (long)clock.Elapsed.TotalMicroseconds));
        }

        return LatencySummary.From(histogram);
    }
}
