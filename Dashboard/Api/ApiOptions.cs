using System.ComponentModel.DataAnnotations;

namespace ImpactMesh.Dashboard.Api;

/// <summary>Limits of the HTTP API, from configuration section <c>ImpactMesh:Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "ImpactMesh:Api";

    /// <summary>The largest topology or SLA document accepted, in bytes (default 256 MiB: 100,000 components fit easily).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxDocumentBytes { get; set; } = 256L * 1024 * 1024;
}
