using System.Buffers;
using ImpactMesh.Dashboard.Security;
using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImpactMesh.Dashboard.Api;

/// <summary><c>POST /api/metrics</c>: metric samples in batches, each component's share delivered to its grain in one call.</summary>
public static class MetricsApi
{
    public const int MaxSamplesPerRequest = 1_000_000;

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/metrics", PostMetricsAsync)
            .WithTags("Metrics").WithName("PostMetrics")
            .WithSummary("Body { samples: [ { component, metric, value, timestamp? } ] } (timestamp defaults to now). 202 with accepted/rejected counts and each rejected sample by index and reason.")
            .RequireAuthorization(Roles.Operator);
        return app;
    }

    private static async Task<IResult> PostMetricsAsync(HttpRequest request, ISampleIngestion ingestion, [FromKeyedServices(ServiceKeys.Time)] TimeProvider time, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxDocumentBytes;
        if (request.ContentLength > limit) return ApiProblems.Invalid("body", $"larger than the limit of {limit} bytes");
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = null;

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and < int.MaxValue ? (int)request.ContentLength : 64 * 1024);
        int read;
        while ((read = await request.Body.ReadAsync(buffer.GetMemory(64 * 1024), cancellationToken)) > 0)
        {
            buffer.Advance(read);
            if (buffer.WrittenCount > limit) return ApiProblems.Invalid("body", $"larger than the limit of {limit} bytes");
        }

        var batch = new MetricBatchReader();
        if (batch.Read(buffer.WrittenSpan, time.GetUtcNow(), MaxSamplesPerRequest) is { } problem) return ApiProblems.Invalid(problem.Field, problem.Message);

        var calls = batch.Components.Select(async pair =>
            (Group: pair.Value, Result: await ingestion.RecordAsync(pair.Key, [.. pair.Value.Samples]), Component: pair.Key));
        var results = await Task.WhenAll(calls);
        var rejected = batch.Merge(results);
        return TypedResults.Accepted((string?)null, new MetricsResponse(batch.Count - rejected.Length, rejected.Length, rejected));
    }
}
