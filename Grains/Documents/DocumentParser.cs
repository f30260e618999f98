using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ImpactMesh.Grains.Interfaces.Topology;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImpactMesh.Grains.Documents;

/// <summary>
/// Turns a JSON or YAML document into one <see cref="JsonDocument"/>, so that a single reader validates both formats.
/// YAML is converted event by event: plain scalars that YAML 1.2 core schema resolves to numbers, booleans or null
/// become those JSON values, everything else a string. Syntax errors are reported with their line.
/// </summary>
internal static class DocumentParser
{
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = false, MaxDepth = 64 };

    public static JsonDocument? Parse(string text, DocumentFormat format, DocumentProblems problems)
    {
        try
        {
            return format == DocumentFormat.Json ? JsonDocument.Parse(text, JsonOptions) : ParseYaml(text);
        }
        catch (JsonException e)
        {
            problems.Add("", $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}");
        }
        catch (YamlException e)
        {
            problems.Add("", $"malformed YAML at line {e.Start.Line}, column {e.Start.Column}: {FirstSentence(e.Message)}");
        }

        return null;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private static JsonDocument ParseYaml(string text)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, text.Length));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                writer.WriteNullValue();
            }
            else
            {
                try
                {
                    parser.Consume<DocumentStart>();
                    WriteNode(parser, writer, 0);
                    parser.Consume<DocumentEnd>();
                }
                catch (InvalidOperationException)
                {
                    // YamlDotNet's scanner gives up this way (not with a YamlException) on some unbalanced flow collections.
                    var at = parser.Current?.End ?? Mark.Empty;
                    throw new YamlException(at, at, "cannot read on after this point (an unclosed [ or { ?)");
                }

                if (!parser.Accept<StreamEnd>(out _))
                {
                    var next = parser.Current!;
                    throw new YamlException(next.Start, next.End, "only one YAML document is allowed");
                }
            }
        }

        return JsonDocument.Parse(buffer.WrittenMemory, JsonOptions);
    }

    private static void WriteNode(IParser parser, Utf8JsonWriter writer, int depth)
    {
        if (depth > JsonOptions.MaxDepth)
        {
            var here = parser.Current!;
            throw new YamlException(here.Start, here.End, $"nested more than {JsonOptions.MaxDepth} levels deep");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            WriteScalar(scalar, writer);
        }
        else if (parser.TryConsume<SequenceStart>(out _))
        {
            writer.WriteStartArray();
            while (!parser.TryConsume<SequenceEnd>(out _)) WriteNode(parser, writer, depth + 1);
            writer.WriteEndArray();
        }
        else if (parser.TryConsume<MappingStart>(out _))
        {
            writer.WriteStartObject();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>();
                if (!seen.Add(key.Value)) throw new YamlException(key.Start, key.End, $"duplicate key '{key.Value}'");
                writer.WritePropertyName(key.Value);
                WriteNode(parser, writer, depth + 1);
            }

            writer.WriteEndObject();
        }
        else
        {
            var current = parser.Current!;
            var what = current is AnchorAlias ? "aliases (*name) are not supported" : $"unexpected {current.GetType().Name}";
            throw new YamlException(current.Start, current.End, what);
        }
    }

    private static void WriteScalar(Scalar scalar, Utf8JsonWriter writer)
    {
        var value = scalar.Value;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            writer.WriteStringValue(value);
            return;
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                writer.WriteNullValue();
                return;
            case "true" or "True" or "TRUE":
                writer.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE":
                writer.WriteBooleanValue(false);
                return;
        }

        if (LooksNumeric(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            writer.WriteRawValue(Encoding.UTF8.GetBytes(NormaliseNumber(value)), skipInputValidation: false);
            return;
        }

        writer.WriteStringValue(value);
    }

    private static bool LooksNumeric(string value)
    {
        var start = value[0] is '-' or '+' ? 1 : 0;
        return start < value.Length && (char.IsAsciiDigit(value[start]) || (value[start] == '.' && start + 1 < value.Length && char.IsAsciiDigit(value[start + 1])));
    }

    private static string NormaliseNumber(string value)
    {
        var text = value.StartsWith('+') ? value[1..] : value;
        if (text.StartsWith('.')) text = "0" + text;
        else if (text.StartsWith("-.", StringComparison.Ordinal)) text = "-0" + text[1..];
        if (text.EndsWith('.')) text += "0";
        return text;
    }
}
