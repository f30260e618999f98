using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>The persisted SLA list, template catalogue and statements of work.</summary>
[GenerateSerializer]
public sealed class SlaRegistryState
{
    [Id(0)] public List<string> SlaIds { get; set; } = [];

    [Id(1)] public List<SlaTemplate> Templates { get; set; } = [];

    [Id(2)] public List<StatementOfWork> Statements { get; set; } = [];
}
