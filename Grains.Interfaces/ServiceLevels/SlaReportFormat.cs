namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>The renderings of a service report besides JSON.</summary>
[GenerateSerializer, Alias("ImpactMesh.SlaReportFormat")]
public enum SlaReportFormat
{
    /// <summary>CSV: one row per objective and scope; after a blank line one row per downtime interval; after another, one row per open improvement item.</summary>
    Csv = 0,

    /// <summary>A printable HTML page with charts.</summary>
    Html = 1,
}
