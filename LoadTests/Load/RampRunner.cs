using System.Globalization;
using ImpactMesh.LoadTests.Reports;

namespace ImpactMesh.LoadTests.Load;

/// <summary>Runs a <see cref="RampSearch"/>: one open-loop step per rate until the search is over.</summary>
internal static class RampRunner
{
    public static async Task<RampSearch> RunAsync(ILoadTarget target, int batchSize, RampSettings settings, int maxInFlight)
    {
        var search = new RampSearch(settings.StartRate, settings.Growth, settings.P99BoundMs, settings.MaxSteps);
        while (search.Next() is { } rate)
        {
            var phase = await LoadRunner.RunAsync(target, new OpenLoopSchedule(rate, batchSize), settings.Step, maxInFlight, null, TimeSpan.Zero, quiet: true);
            var i = phase.Ingestion;
            var sustained = search.Record(rate, i.AchievedSamplesPerSecond, i.Latency.P99Ms, i.Errors, phase.Resources.CoresUsed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  step {search.Steps.Count,2}: target {rate,12:N0}/s  achieved {i.AchievedSamplesPerSecond,12:N0}/s  p50 {i.Latency.P50Ms,8:F1} ms  p99 {i.Latency.P99Ms,8:F1} ms  errors {i.Errors}  {(sustained ? "sustained" : "NOT sustained")}  (CPU {phase.Resources.CoresUsed:F2} cores: {i.AchievedSamplesPerSecond / Math.Max(0.01, phase.Resources.CoresUsed):N0} per CPU-second, GC pause {phase.Resources.GcPausePercent:F1}%)"));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return search;
    }

    public static void AddSteps(LoadReport report, string section, RampSearch search)
    {
        report.Add(section, "highest sustainable samples/s", search.Sustainable ?? 0);
        report.Add(section, "samples per CPU-second of this process (median over steps)", Math.Round(PerCpuSecond(search)));
        foreach (var (step, n) in search.Steps.Select((s, n) => (s, n + 1)))
        {
            report.Add(section, string.Create(CultureInfo.InvariantCulture, $"step {n}: target {step.TargetRate:N0}/s"),
                string.Create(CultureInfo.InvariantCulture, $"achieved {step.AchievedRate:N0}/s, p99 {step.P99Ms:0.#} ms, errors {step.Errors}, {(step.Sustained ? "sustained" : "not sustained")}, this process used {step.CoresUsed:0.##} cores ({step.AchievedRate / Math.Max(0.01, step.CoresUsed):N0} samples per CPU-second)"));
        }
    }

    /// <summary>The median of achieved samples per CPU-second over the steps: efficiency that holds on a shared machine.</summary>
    public static double PerCpuSecond(RampSearch search)
    {
        var values = search.Steps.Where(s => s.CoresUsed > 0).Select(s => s.AchievedRate / s.CoresUsed).Order().ToList();
        return values.Count == 0 ? double.NaN : values[values.Count / 2];
    }

    public static ChartSeries Series(string name, RampSearch search)
    {
        var steps = search.Steps.OrderBy(s => s.TargetRate).ToList();
        return new ChartSeries(name, [.. steps.Select(s => s.TargetRate)], [.. steps.Select(s => s.P99Ms)]);
    }
}
