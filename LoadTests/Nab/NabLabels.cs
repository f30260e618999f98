using System.Text.Json;

namespace ImpactMesh.LoadTests.Nab;

/// <summary>Reads <c>combined_windows.json</c>: for each data file key, its anomaly windows in time order.</summary>
internal static class NabLabels
{
    public static IReadOnlyDictionary<string, NabWindow[]> LoadWindows(string path)
    {
        using var stream = File.OpenRead(path);
        var raw = JsonSerializer.Deserialize<Dictionary<string, string[][]>>(stream)
            ?? throw new InvalidDataException($"{path} holds no windows.");
        return raw.ToDictionary(
            kv => kv.Key.Replace('\\', '/'),
            kv => kv.Value.Select(w => new NabWindow(NabTime.Parse(w[0]), NabTime.Parse(w[1]))).OrderBy(w => w.Start).ToArray(),
            StringComparer.Ordinal);
    }
}
