using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Turns a YAML document into the same JSON tree a JSON document would give, so one validator reads both. Plain scalars
/// become numbers, booleans or null when they look like them (YAML 1.2 core schema), everything else a string.
/// Anchors/aliases, complex keys and several documents in one stream are refused; duplicate keys are refused with their line.
/// </summary>
internal static partial class YamlJson
{
    /// <summary>Thrown for YAML this converter refuses, with the 1-based line and column.</summary>
    internal sealed class YamlShapeException(Mark mark, string message) : Exception(message)
    {
        public long Line { get; } = mark.Line;

        public long Column { get; } = mark.Column;
    }

    public static JsonDocument Parse(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                writer.WriteNullValue();
            }
            else
            {
                try
                {
                    parser.Consume<DocumentStart>();
                    WriteNode(parser, writer);
                    parser.Consume<DocumentEnd>();
                }
                catch (InvalidOperationException)
                {
                    // YamlDotNet's scanner throws this (not a YamlException) on some unbalanced flow collections.
                    throw new YamlShapeException(parser.Current?.End ?? Mark.Empty, "cannot read on after this point (an unclosed [ or { ?)");
                }

                if (parser.Accept<DocumentStart>(out var extra)) throw new YamlShapeException(extra.Start, "only one YAML document is allowed");
            }
        }

        return JsonDocument.Parse(stream.ToArray());
    }

    private static void WriteNode(IParser parser, Utf8JsonWriter writer)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            WriteScalar(scalar, writer);
        }
        else if (parser.TryConsume<MappingStart>(out _))
        {
            writer.WriteStartObject();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key)) throw new YamlShapeException(parser.Current!.Start, "keys must be plain text");
                if (!keys.Add(key.Value)) throw new YamlShapeException(key.Start, $"duplicate key '{key.Value}'");
                writer.WritePropertyName(key.Value);
                WriteNode(parser, writer);
            }

            writer.WriteEndObject();
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            writer.WriteStartArray();
            while (!parser.TryConsume<SequenceEnd>(out _)) WriteNode(parser, writer);
            writer.WriteEndArray();
        }
        else
        {
            throw new YamlShapeException(parser.Current!.Start, "anchors and aliases are not supported");
        }
    }

    private static void WriteScalar(Scalar scalar, Utf8JsonWriter writer)
    {
        var v = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain)
        {
            writer.WriteStringValue(v);
            return;
        }

        if (v.Length == 0 || v is "~" or "null" or "Null" or "NULL") writer.WriteNullValue();
        else if (v is "true" or "True" or "TRUE") writer.WriteBooleanValue(true);
        else if (v is "false" or "False" or "FALSE") writer.WriteBooleanValue(false);
        else if (NumberPattern().IsMatch(v) && decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) writer.WriteNumberValue(d);
        else if (NumberPattern().IsMatch(v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)) writer.WriteNumberValue(x);
        else writer.WriteStringValue(v);
    }

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberPattern();
}
