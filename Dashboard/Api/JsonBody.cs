using System.Globalization;
using System.Text.Json;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Dashboard.Api;

/// <summary>
/// Reads a small JSON request body and its fields, collecting every problem by field name so the answer is one
/// 400 naming them all (model binding would stop at the first and say less).
/// </summary>
internal sealed class JsonBody
{
    private readonly JsonElement _root;
    private readonly Dictionary<string, string> _problems = new(StringComparer.Ordinal);

    private JsonBody(JsonElement root) => _root = root;

    public bool HasProblems => _problems.Count > 0;

    public static async Task<(JsonBody? Body, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken, params string[] fields)
    {
        JsonElement root;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.Invalid("body", $"malformed JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message.Split(" Path:")[0]}"));
        }

        if (root.ValueKind != JsonValueKind.Object) return (null, ApiProblems.Invalid("body", "must be a JSON object"));
        var body = new JsonBody(root);
        foreach (var property in root.EnumerateObject().Where(p => !fields.Contains(p.Name)))
        {
            body.Problem(property.Name, $"unknown field (expected one of: {string.Join(", ", fields)})");
        }

        return (body, null);
    }

    public void Problem(string field, string message) => _problems.TryAdd(field, message);

    public IResult Invalid() => ApiProblems.Invalid([.. _problems.Select(p => new Grains.Interfaces.Topology.DocumentProblem(p.Key, p.Value))]);

    public JsonElement? Get(string field) =>
        _root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string? String(string field, bool required = false, int maxLength = 1024)
    {
        var value = Get(field);
        if (value is null)
        {
            if (required) Problem(field, "is required");
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            Problem(field, "must be a string");
            return null;
        }

        var text = value.Value.GetString()!;
        if (text.Length > maxLength) Problem(field, $"must be at most {maxLength} characters");
        return text;
    }

    public HealthStatus? Status(string field, bool required = false)
    {
        var text = String(field, required);
        if (text is null) return null;
        if (HealthStatusExtensions.TryParse(text, out var status) && status.IsKnown()) return status;
        Problem(field, $"'{text}' is not a status (ok, warning, minor, major, critical)");
        return null;
    }

    public DateTimeOffset? Timestamp(string field)
    {
        var text = String(field);
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)) return at;
        Problem(field, $"'{text}' is not an ISO 8601 timestamp (e.g. 2026-12-04T10:00:00Z)");
        return null;
    }

    public TimeSpan? Duration(string field)
    {
        var text = String(field);
        if (text is null) return null;
        if (text.StartsWith('P') && TryIso(text, out var iso)) return iso;
        if (TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero) return span;
        Problem(field, $"'{text}' is not a duration (ISO 8601 such as PT30M, or hh:mm:ss)");
        return null;
    }

    private static bool TryIso(string text, out TimeSpan duration)
    {
        try
        {
            duration = System.Xml.XmlConvert.ToTimeSpan(text);
            return duration > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            duration = default;
            return false;
        }
    }
}
