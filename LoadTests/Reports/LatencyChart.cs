namespace ImpactMesh.LoadTests.Reports;

/// <summary>A PNG chart with ScottPlot (latency in ms against rate or time unless told otherwise): one line per series, the p99 bound dashed.</summary>
internal static class LatencyChart
{
    public static string Write(string path, string title, string xLabel, IReadOnlyList<ChartSeries> series, double? boundMs, string yLabel = "latency (ms)")
    {
        var plot = new ScottPlot.Plot();
        foreach (var s in series.Where(s => s.X.Count > 0))
        {
            var scatter = plot.Add.Scatter(s.X.ToArray(), s.Y.ToArray());
            scatter.LegendText = s.Name;
            scatter.MarkerSize = 7;
            scatter.LineWidth = 2;
        }

        if (boundMs is { } bound)
        {
            var line = plot.Add.HorizontalLine(bound);
            line.LinePattern = ScottPlot.LinePattern.Dashed;
            line.LegendText = $"p99 bound {bound:0.#} ms";
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 1000, 560);
        return path;
    }
}
