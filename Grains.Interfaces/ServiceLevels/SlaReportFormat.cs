namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>The renderings of a service report besides JSON.</summary>
[GenerateSerializer, Alias("ImpactMesh.SlaReportFormat")]
public enum SlaReportFormat
{
    /// <summary>CSV: one row per objective and scope, then a blank line and one row per downtime interval.</summary>
    Csv = 0,

    /// <summary>A printable HTML page with charts.</summary>
    Html = 1,
}
