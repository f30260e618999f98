using System.Text;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ImpactMesh.Dashboard.Api;

/// <summary>Reads a JSON or YAML document from a request body, within the size limit.</summary>
internal static class DocumentBody
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

    public static async Task<(string? Text, DocumentFormat Format, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxDocumentBytes;
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        DocumentFormat format;
        if (mediaType is null or "application/json" or "text/json" || mediaType.EndsWith("+json", StringComparison.Ordinal)) format = DocumentFormat.Json;
        else if (YamlTypes.Contains(mediaType)) format = DocumentFormat.Yaml;
        else return (null, default, ApiProblems.Invalid("Content-Type", $"'{mediaType}' is not supported; send application/json or application/yaml"));

        if (request.ContentLength > limit) return (null, format, TooLarge(limit));
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = null;

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return (null, format, TooLarge(limit));
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0) return (null, format, ApiProblems.Invalid("body", "is empty; send a document"));
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            return (text, format, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, format, ApiProblems.Invalid("body", "is not valid UTF-8 text"));
        }
    }

    private static IResult TooLarge(long limit) =>
        ApiProblems.Invalid("body", $"the document is larger than the limit of {limit} bytes (ImpactMesh:Api:MaxDocumentBytes)");
}
