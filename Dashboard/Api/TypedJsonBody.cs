using System.Text.Json;
using ImpactMesh.Dashboard.Json;

namespace ImpactMesh.Dashboard.Api;

/// <summary>Reads a small JSON request body into a record (a transition, an item change, a review), with a precise 400 when it is not valid.</summary>
internal static class TypedJsonBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var (text, format, error) = await DocumentBody.ReadAsync(request, cancellationToken);
        if (error is not null) return (null, error);
        if (format != Grains.Interfaces.Topology.DocumentFormat.Json) return (null, ApiProblems.Invalid("Content-Type", "send application/json"));
        try
        {
            var value = JsonSerializer.Deserialize<T>(text!, ApiJson.Options);
            return value is null ? (null, ApiProblems.Invalid("body", "must be a JSON object")) : (value, null);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, ApiProblems.Invalid(path, $"is not valid: {e.Message.Split(". Path:")[0]}"));
        }
    }
}
