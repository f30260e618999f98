using System.Globalization;
using System.Text.Json;

namespace ImpactMesh.Grains.Documents;

/// <summary>
/// Reads the fields of one JSON object of a document, reporting each problem by path: a field of the wrong type or out of
/// range, a missing required field, and any field the reader does not know (so that a typo never goes unnoticed).
/// </summary>
internal sealed class ObjectReader
{
    private readonly JsonElement _element;
    private readonly DocumentProblems _problems;

    private ObjectReader(JsonElement element, string path, DocumentProblems problems)
    {
        _element = element;
        Path = path;
        _problems = problems;
    }

    public string Path { get; }

    /// <summary>A reader for <paramref name="element"/>, or null (with a problem) when it is not an object.</summary>
    public static ObjectReader? Open(JsonElement element, string path, DocumentProblems problems, params string[] knownFields)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, $"must be an object, not {Describe(element)}");
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(knownFields, property.Name) < 0)
            {
                problems.Add(Join(path, property.Name), $"unknown field (expected one of: {string.Join(", ", knownFields)})");
            }
        }

        return new ObjectReader(element, path, problems);
    }

    public static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    public string FieldPath(string field) => Join(Path, field);

    public void Problem(string field, string message) => _problems.Add(FieldPath(field), message);

    public bool Has(string field) => TryGet(field, out _);

    public bool TryGet(string field, out JsonElement value) =>
        _element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string field, bool required = false)
    {
        if (!TryGet(field, out var value))
        {
            if (required) Problem(field, "is required");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(field, $"must be a string, not {Describe(value)}");
            return null;
        }

        return value.GetString();
    }

    public double? Number(string field, double min, double max, bool required = false)
    {
        if (!TryGet(field, out var value))
        {
            if (required) Problem(field, "is required");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Problem(field, $"must be a number, not {Describe(value)}");
            return null;
        }

        if (number < min || number > max)
        {
            Problem(field, $"must be between {Format(min)} and {Format(max)}, not {Format(number)}");
            return null;
        }

        return number;
    }

    public int? Integer(string field, int min, int max, bool required = false)
    {
        var number = Number(field, min, max, required);
        if (number is null) return null;
        if (number.Value != Math.Floor(number.Value))
        {
            Problem(field, $"must be a whole number, not {Format(number.Value)}");
            return null;
        }

        return (int)number.Value;
    }

    public bool? Boolean(string field)
    {
        if (!TryGet(field, out var value)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Problem(field, $"must be true or false, not {Describe(value)}");
        return null;
    }

    public TimeSpan? Duration(string field, TimeSpan min, TimeSpan max)
    {
        var text = String(field);
        if (text is null) return null;
        if (!Durations.TryParse(text, out var duration))
        {
            Problem(field, $"'{text}' is not a duration (e.g. 30s, 5m, 1h30m, 7d or PT5M)");
            return null;
        }

        if (duration < min || duration > max)
        {
            Problem(field, $"must be between {Durations.Format(min)} and {Durations.Format(max)}, not {Durations.Format(duration)}");
            return null;
        }

        return duration;
    }

    /// <summary>The value of an enumeration field written in camelCase or kebab-case (e.g. <c>higher-is-worse</c>).</summary>
    public TEnum? Enum<TEnum>(string field, bool required = false)
        where TEnum : struct, Enum
    {
        var text = String(field, required);
        if (text is null) return null;
        if (TryParseName<TEnum>(text, out var value)) return value;
        Problem(field, $"'{text}' is not one of: {string.Join(", ", NamesOf<TEnum>())}");
        return null;
    }

    public static bool TryParseName<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        var compact = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        value = default;
        return !compact.Any(char.IsDigit) && System.Enum.TryParse(compact, ignoreCase: true, out value) && System.Enum.IsDefined(value);
    }

    public static IEnumerable<string> NamesOf<TEnum>()
        where TEnum : struct, Enum => System.Enum.GetNames<TEnum>().Select(KebabCase);

    /// <summary><c>HigherIsWorse</c> becomes <c>higher-is-worse</c>, as the API writes enumerations.</summary>
    public static string KebabCase(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
