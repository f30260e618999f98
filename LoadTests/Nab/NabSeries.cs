using System.Globalization;

namespace ImpactMesh.LoadTests.Nab;

/// <summary>One NAB data file: <c>timestamp,value</c> rows in file order (duplicates kept).</summary>
internal sealed record NabSeries(string Key, IReadOnlyList<string> TimestampTexts, DateTime[] Timestamps, double[] Values)
{
    public int Count => Timestamps.Length;

    /// <summary>Reads a data file; <paramref name="key"/> is its path relative to the data folder, e.g. <c>realTraffic/speed_6005.csv</c>.</summary>
    public static NabSeries Load(string path, string key)
    {
        var texts = new List<string>();
        var times = new List<DateTime>();
        var values = new List<double>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var comma = line.IndexOf(',');
            var text = line[..comma].Trim();
            texts.Add(text);
            times.Add(NabTime.Parse(text));
            values.Add(double.Parse(line.AsSpan(comma + 1).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return new NabSeries(key, texts, [.. times], [.. values]);
    }

    /// <summary>All <c>*.csv</c> files under <paramref name="dataDir"/>, keyed by their relative path with '/' separators, sorted.</summary>
    public static IReadOnlyList<NabSeries> LoadAll(string dataDir) =>
        [.. Directory.EnumerateFiles(dataDir, "*.csv", SearchOption.AllDirectories)
            .Select(p => (Path: p, Key: Path.GetRelativePath(dataDir, p).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => Load(f.Path, f.Key))];
}
