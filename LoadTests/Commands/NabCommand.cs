using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImpactMesh.LoadTests.Nab;

namespace ImpactMesh.LoadTests.Commands;

/// <summary>
/// <c>nab</c>: runs the metric detector over a NAB-layout corpus, writes NAB result files and scores them with the three
/// profiles; or, with <c>--score-only</c>, scores existing result files of any detector.
/// </summary>
internal sealed class NabCommand : ICommand
{
    public string Name => "nab";

    public string Summary =>
        "NAB quality: --data <dir> --labels <combined_windows.json> --out <dir> [--score-only <resultsDir> --detector <name>]";

    public Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args);
        var data = options.String("data") ?? Path.Combine("..", "shared", "nab", "data");
        var labels = options.String("labels") ?? Path.Combine(data, "..", "labels", "combined_windows.json");
        var scoreOnly = options.String("score-only");
        var outDir = options.String("out");
        if (scoreOnly is null && outDir is null)
        {
            Console.Error.WriteLine("nab: give --out <dir> (run the detector) or --score-only <resultsDir> --detector <name>.");
            return Task.FromResult(2);
        }

        var clock = Stopwatch.StartNew();
        var corpus = NabSeries.LoadAll(data);
        var windows = NabLabels.LoadWindows(labels);
        var detector = scoreOnly is null ? NabRunner.DetectorName : options.String("detector") ?? NabRunner.DetectorName;
        if (detector.Contains('_'))
        {
            Console.Error.WriteLine($"nab: a detector name may not contain '_' ({detector}).");
            return Task.FromResult(2);
        }

        var resultsDir = scoreOnly ?? outDir!;
        if (scoreOnly is not null && !Directory.Exists(Path.Combine(scoreOnly, detector))
            && Path.GetFileName(Path.TrimEndingDirectorySeparator(scoreOnly)) == detector)
        {
            resultsDir = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(scoreOnly))!;
        }

        var files = new List<NabFileRows>(corpus.Count);
        long rows = 0;
        var detectTime = TimeSpan.Zero;
        foreach (var series in corpus)
        {
            var fileWindows = windows.TryGetValue(series.Key, out var w) ? w : [];
            if (w is null) Console.Error.WriteLine($"nab: no labels for {series.Key}; scored as a file without anomalies.");
            var path = NabResults.PathOf(resultsDir, detector, series.Key);
            double[] scores;
            if (scoreOnly is null)
            {
                var started = clock.Elapsed;
                scores = NabRunner.Detect(series, NabRunner.Settings);
                detectTime += clock.Elapsed - started;
                NabResults.Write(path, series, scores, fileWindows);
            }
            else if (File.Exists(path))
            {
                scores = NabResults.ReadScores(path);
            }
            else
            {
                Console.Error.WriteLine($"nab: missing result file {path}.");
                return Task.FromResult(1);
            }

            rows += series.Count;
            files.Add(NabScorer.Prepare(series.Key, series.Timestamps, scores, fileWindows));
        }

        var results = NabProfile.All.Select(p => NabScorer.Score(files, p)).ToList();
        var speed = scoreOnly is null
            ? string.Create(CultureInfo.InvariantCulture, $"; detection {rows / Math.Max(1e-9, detectTime.TotalSeconds):N0} rows/s")
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NAB {detector}: {corpus.Count} files, {rows:N0} rows, {files.Sum(f => f.ScoredWindowCount)} windows{speed}"));
        if (scoreOnly is null)
        {
            var st = NabRunner.Settings;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"settings (every file): Direction={st.Direction} Window={st.Window} WarmUp={st.WarmUp} Rearm={st.Rearm} Sensitivity={st.Sensitivity}"));
        }

        Console.WriteLine($"{"profile",-20} {"threshold",-18} {"raw",12} {"normalized",11} {"TP",6} {"FP",6} {"FN",7} {"TN",8}");
        foreach (var r in results)
        {
            var t = r.Totals;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Profile.Name,-20} {r.Threshold,-18:R} {r.RawScore,12:F6} {r.Normalized,11:F6} {t.TruePositives,6} {t.FalsePositives,6} {t.FalseNegatives,7} {t.TrueNegatives,8}"));
        }

        if (outDir is not null)
        {
            var tables = Path.Combine(outDir, detector);
            Directory.CreateDirectory(tables);
            foreach (var r in results)
            {
                NabResults.WriteScoreTable(Path.Combine(tables, $"{detector}_{r.Profile.Name}_scores.csv"), detector, r);
            }

            var summary = new Dictionary<string, Dictionary<string, double>>
            {
                [detector] = results.ToDictionary(r => r.Profile.Name, r => Math.Round(r.Normalized, 6)),
            };
            File.WriteAllText(Path.Combine(outDir, "final_results.json"),
                JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"Results and score tables in {Path.GetFullPath(outDir)}");
        }

        return Task.FromResult(0);
    }
}
