using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Dashboard.Api;

/// <summary>
/// Reads a <c>POST /api/metrics</c> body (<c>{"samples":[{"component","metric","value","timestamp"?}, ...]}</c>) in one
/// pass with <see cref="Utf8JsonReader"/>, grouping the samples by component. A sample with a missing or bad field is
/// rejected by index and the others go on; only a body that is not such a document as a whole is an error.
/// Component and metric names repeat across samples, so they are pooled rather than allocated per sample.
/// </summary>
internal sealed class MetricBatchReader
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public MetricBatchReader() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The samples of one component, with each sample's index in the request.</summary>
    public sealed class ComponentSamples
    {
        public List<MetricSample> Samples { get; } = [];

        public List<int> Indices { get; } = [];
    }

    public Dictionary<string, ComponentSamples> Components { get; } = new(StringComparer.Ordinal);

    public List<SampleRejection> Rejected { get; } = [];

    public int Count { get; private set; }

    /// <summary>Reads the body; returns a problem (field, message) when the document as a whole is not valid.</summary>
    public (string Field, string Message)? Read(ReadOnlySpan<byte> json, DateTimeOffset now, int maxSamples)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return ("body", "must be a JSON object with a samples list");
            var sawSamples = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("samples"u8))
                {
                    return (reader.GetString()!, "unknown field (expected: samples)");
                }

                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray) return ("samples", "must be a list");
                sawSamples = true;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (Count >= maxSamples) return ("samples", $"at most {maxSamples} samples per request");
                    ReadSample(ref reader, Count++, now);
                }
            }

            return sawSamples ? null : ("samples", "is required");
        }
        catch (JsonException e)
        {
            return ("body", $"malformed JSON at line {e.LineNumber + 1}: {e.Message.Split(" LineNumber")[0]}");
        }
    }

    private void ReadSample(ref Utf8JsonReader reader, int index, DateTimeOffset now)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            Rejected.Add(new SampleRejection(index, "a sample must be an object { component, metric, value, timestamp? }"));
            return;
        }

        string? component = null, metric = null, problem = null;
        double? value = null;
        DateTimeOffset? timestamp = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("component"u8)) component = Name(ref reader, "component", ref problem);
            else if (reader.ValueTextEquals("metric"u8)) metric = Name(ref reader, "metric", ref problem);
            else if (reader.ValueTextEquals("value"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number) problem ??= "value must be a number";
                else if (!reader.TryGetDouble(out var v) || !double.IsFinite(v)) problem ??= "value must be a finite number";
                else value = v;
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var t)) problem ??= "timestamp must be an ISO 8601 timestamp such as 2026-12-04T10:00:00Z";
                else timestamp = t.ToUniversalTime();
            }
            else
            {
                problem ??= $"unknown field '{reader.GetString()}' (expected: component, metric, value, timestamp)";
                reader.Read();
                reader.Skip();
            }
        }

        problem ??= component is null ? "component is required" : metric is null ? "metric is required" : value is null ? "value is required" : null;
        if (problem is not null)
        {
            Rejected.Add(new SampleRejection(index, problem));
            return;
        }

        if (!Components.TryGetValue(component!, out var group)) Components[component!] = group = new ComponentSamples();
        group.Samples.Add(new MetricSample(metric!, value!.Value, timestamp ?? now));
        group.Indices.Add(index);
    }

    private string? Name(ref Utf8JsonReader reader, string field, ref string? problem)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            problem ??= $"{field} must be a string";
            return null;
        }

        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length is 0 or > ComponentDefinition.MaxIdLength)
        {
            problem ??= $"{field} must be 1-{ComponentDefinition.MaxIdLength} characters";
            return null;
        }

        Span<char> buffer = stackalloc char[ComponentDefinition.MaxIdLength];
        var written = reader.CopyString(buffer);
        var span = buffer[..written];
        if (_lookup.TryGetValue(span, out var pooled)) return pooled;
        var name = span.ToString();
        if (field == "component" && !ComponentId.IsValid(name))
        {
            problem ??= $"component '{name}' is not a valid id ({ComponentId.Rule})";
            return null;
        }

        _names[name] = name;
        return name;
    }

    /// <summary>The grain's rejections mapped back to request indices, with the reader's own, in index order.</summary>
    public ImmutableArray<SampleRejection> Merge(IEnumerable<(ComponentSamples Group, SampleBatchResult Result, string Component)> results)
    {
        var all = new List<SampleRejection>(Rejected);
        foreach (var (group, result, component) in results)
        {
            if (result.UnknownComponent)
            {
                all.AddRange(group.Indices.Select(i => new SampleRejection(i, $"unknown component '{component}'")));
                continue;
            }

            all.AddRange(result.Rejected.Select(r => new SampleRejection(group.Indices[r.Index], r.Reason)));
        }

        all.Sort((a, b) => a.Index.CompareTo(b.Index));
        return [.. all];
    }
}
