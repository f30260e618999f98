namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>The text format of a topology or SLA document.</summary>
[GenerateSerializer, Alias("ImpactMesh.DocumentFormat")]
public enum DocumentFormat
{
    Json = 0,
    Yaml = 1,
}
