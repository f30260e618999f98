using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace ImpactMesh.Dashboard.Api;

/// <summary>
/// Turns the passing failures of a changing cluster (a silo leaving, a grain moving, a call timing out) into
/// 503 Service Unavailable with Retry-After, so clients retry instead of seeing an opaque 500.
/// </summary>
internal sealed partial class ClusterExceptionHandler(IProblemDetailsService problems, ILogger<ClusterExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or GatewayTooBusyException))
        {
            return false;
        }

        LogTransient(logger, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The cluster is changing",
                Detail = "A silo left or joined while this request ran; retry in a moment.",
            },
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: passing cluster failure {Type}: {Message}")]
    private static partial void LogTransient(ILogger logger, string path, string type, string message);
}
