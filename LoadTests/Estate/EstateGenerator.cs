using System.Text;
using System.Text.Json;

namespace ImpactMesh.LoadTests.Estate;

/// <summary>
/// Generates a realistic synthetic estate as a topology document: <see cref="EstateOptions.Depth"/> layers from network at
/// the bottom through storage, hypervisors, hosts, databases (primaries with replicas), application instances and
/// applications to business services on top. Every component depends on about <see cref="EstateOptions.FanOut"/>
/// components of lower layers, mostly the layer just below; a few shared components (DNS, identity, the core network)
/// are used by many; application and cluster components are k-of-n redundancy groups; database replicas are soft.
/// The same options always give the same document.
/// </summary>
internal static class EstateGenerator
{
    private static readonly string[] LayerKinds = ["network", "storage", "hypervisor", "host", "database", "instance", "application", "service"];
    private static readonly double[] LayerShare = [0.02, 0.02, 0.06, 0.20, 0.12, 0.30, 0.20, 0.08];

    /// <summary>The metrics declared on every component, in order: the first <see cref="EstateOptions.Metrics"/> are used.</summary>
    public static readonly string[] MetricNames = ["latency_ms", "error_rate", "cpu_pct", "requests_per_s", "queue_depth", "memory_pct", "disk_pct", "saturation"];

    /// <summary>
    /// A health probe declared on every leaf when metrics are declared, with a static critical level of 1 that one sample
    /// raises and one clears: the load tests fail a leaf with a sample of 1 and recover it with a 0. The background load
    /// never samples it, so it stays as the last probe sample left it (a declared metric without samples does not make
    /// its component Unknown while the other metrics are known).
    /// </summary>
    public const string ProbeMetric = "probe_failed";

    public sealed record Estate(string Document, IReadOnlyList<IReadOnlyList<string>> Layers, int Relations, IReadOnlyList<string> Metrics)
    {
        public IReadOnlyList<string> All { get; } = [.. Layers.SelectMany(l => l)];

        public IReadOnlyList<string> Services => Layers[^1];

        public IReadOnlyList<string> Leaves => Layers[0];

        public int Components => Layers.Sum(l => l.Count);
    }

    public static Estate Generate(EstateOptions options)
    {
        var metrics = MetricNames[..Math.Clamp(options.Metrics, 1, MetricNames.Length)];
        var depth = Math.Clamp(options.Depth, 2, 32);
        var random = new Random(options.Seed);
        var sizes = LayerSizes(options.Components, depth);
        var layers = new List<List<string>>();
        var buffer = new MemoryStream();
        var relations = 0;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("components");
            for (var layer = 0; layer < depth; layer++)
            {
                var kind = KindOf(layer, depth);
                var ids = new List<string>(sizes[layer]);
                for (var i = 0; i < sizes[layer]; i++)
                {
                    var id = $"{kind}-{layer}-{i}";
                    ids.Add(id);
                    writer.WriteStartObject();
                    writer.WriteString("id", id);
                    writer.WriteString("kind", kind);
                    writer.WriteStartObject("tags");
                    writer.WriteString("layer", layer.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    writer.WriteString("team", $"team-{i % 20}");
                    writer.WriteEndObject();
                    if (layer > 0) relations += WriteDependencies(writer, layers, layer, i, sizes[layer], kind, options.FanOut, random);
                    if (options.DeclareMetrics)
                    {
                        writer.WriteStartObject("metrics");
                        foreach (var metric in metrics)
                        {
                            writer.WriteStartObject(metric);
                            writer.WriteEndObject();
                        }

                        if (layer == 0) WriteProbe(writer);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndObject();
                }

                layers.Add(ids);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return new Estate(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), layers, relations, metrics);
    }

    private static void WriteProbe(Utf8JsonWriter writer)
    {
        writer.WriteStartObject(ProbeMetric);
        writer.WriteString("direction", "higher-is-worse");
        writer.WriteNumber("critical", 1);
        writer.WriteNumber("raiseAfter", 1);
        writer.WriteNumber("clearAfter", 1);
        writer.WriteEndObject();
    }

    private static int WriteDependencies(Utf8JsonWriter writer, List<List<string>> layers, int layer, int index, int layerSize, string kind, int fanOut, Random random)
    {
        var below = layers[layer - 1];
        var chosen = new HashSet<string>();
        var count = Math.Max(1, fanOut + random.Next(-1, 2));

        // Mostly the layer just below, in a neighbourhood (so components share dependencies as real estates do) ...
        var start = (int)((long)index * below.Count / layerSize);
        for (var attempt = 0; chosen.Count < Math.Min(count, below.Count) && attempt < count * 4; attempt++)
        {
            chosen.Add(below[(start + random.Next(0, 8)) % below.Count]);
        }

        // ... sometimes a layer further down, and a few shared components that many depend on.
        if (layer >= 2 && random.NextDouble() < 0.3) chosen.Add(layers[random.Next(0, layer - 1)][random.Next(0, Math.Min(3, layers[0].Count))]);

        writer.WriteStartArray("dependsOn");
        var replica = kind == "database" && index % 3 != 0;
        var first = true;
        foreach (var id in chosen)
        {
            if (replica && !first)
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WriteString("impact", "soft");
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteStringValue(id);
            }

            first = false;
        }

        writer.WriteEndArray();
        if (kind is "application" or "hypervisor" && chosen.Count >= 3)
        {
            writer.WriteStartObject("rule");
            writer.WriteNumber("atLeast", chosen.Count - 1);
            writer.WriteEndObject();
        }

        return chosen.Count;
    }

    private static int[] LayerSizes(int total, int depth)
    {
        var shares = Enumerable.Range(0, depth).Select(l => LayerShare[(int)Math.Round((double)l * (LayerShare.Length - 1) / (depth - 1))]).ToArray();
        var sum = shares.Sum();
        var sizes = shares.Select(s => Math.Max(1, (int)(total * s / sum))).ToArray();
        sizes[Array.IndexOf(sizes, sizes.Max())] += total - sizes.Sum();
        return sizes;
    }

    private static string KindOf(int layer, int depth) => LayerKinds[(int)Math.Round((double)layer * (LayerKinds.Length - 1) / (depth - 1))];
}
