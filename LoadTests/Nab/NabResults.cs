using System.Globalization;

namespace ImpactMesh.LoadTests.Nab;

/// <summary>Reads and writes NAB result files: <c>&lt;results&gt;/&lt;detector&gt;/&lt;category&gt;/&lt;detector&gt;_&lt;file&gt;.csv</c>.</summary>
internal static class NabResults
{
    public static string PathOf(string resultsDir, string detector, string key)
    {
        var category = Path.GetDirectoryName(key) ?? "";
        return Path.Combine(resultsDir, detector, category, $"{detector}_{Path.GetFileName(key)}");
    }

    /// <summary>Writes <c>timestamp,value,anomaly_score,label</c>, the label being 1 inside a window (ends included).</summary>
    public static void Write(string path, NabSeries series, IReadOnlyList<double> scores, IReadOnlyList<NabWindow> windows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path);
        writer.Write("timestamp,value,anomaly_score,label\n");
        for (var i = 0; i < series.Count; i++)
        {
            var t = series.Timestamps[i];
            var label = windows.Any(w => w.Contains(t)) ? 1 : 0;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{series.TimestampTexts[i]},{series.Values[i]:R},{scores[i]:R},{label}\n"));
        }
    }

    /// <summary>Reads the <c>anomaly_score</c> column of a result file, in row order, at full precision.</summary>
    public static double[] ReadScores(string path)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split(',');
        var column = Array.IndexOf(header, "anomaly_score");
        if (column < 0) throw new InvalidDataException($"{path} has no anomaly_score column.");
        var scores = new List<double>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            scores.Add(double.Parse(line.Split(',')[column], NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return [.. scores];
    }

    /// <summary>Writes a NAB score table (<c>Detector,Profile,File,Threshold,Score,TP,TN,FP,FN,Total_Count</c>, then Totals).</summary>
    public static void WriteScoreTable(string path, string detector, NabProfileScore result)
    {
        using var writer = new StreamWriter(path);
        writer.Write("Detector,Profile,File,Threshold,Score,TP,TN,FP,FN,Total_Count\n");
        foreach (var f in result.Files)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{detector},{result.Profile.Name},{f.Key},{f.Threshold:R},{f.Score:R},{f.TruePositives},{f.TrueNegatives},{f.FalsePositives},{f.FalseNegatives},{f.Total}\n"));
        }

        var t = result.Totals;
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"Totals,,,,{t.Score:R},{t.TruePositives},{t.TrueNegatives},{t.FalsePositives},{t.FalseNegatives},{t.Total}\n"));
    }
}
