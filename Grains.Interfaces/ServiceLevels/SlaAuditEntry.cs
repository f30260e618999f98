using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>One line of an SLA's audit trail: who did what when, to which version, and which fields changed.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaAuditEntry")]
public sealed record SlaAuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Who,
    [property: Id(2)] string Action,
    [property: Id(3)] int Version,
    [property: Id(4)] ImmutableArray<string> Changes);
