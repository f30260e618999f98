using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>The persisted state of one SLA: versions and audit trail (none: the SLA does not exist), items, reviews, alerts.</summary>
[GenerateSerializer]
public sealed class SlaGrainState
{
    [Id(0)] public List<SlaVersion> Versions { get; set; } = [];

    [Id(1)] public List<SlaAuditEntry> Audit { get; set; } = [];

    [Id(2)] public List<ImprovementItem> Improvements { get; set; } = [];

    [Id(3)] public List<ServiceReview> Reviews { get; set; } = [];

    /// <summary>When each firing burn-rate alert started firing, by objective and window.</summary>
    [Id(4)] public Dictionary<string, DateTimeOffset> AlertsSince { get; set; } = [];

    /// <summary>The start of the last closed period whose missed objectives were turned into improvement items.</summary>
    [Id(5)] public DateTimeOffset? LastClosedPeriodChecked { get; set; }
}
