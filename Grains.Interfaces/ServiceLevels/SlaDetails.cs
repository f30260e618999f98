using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>An SLA as stored: the current terms and state, every version, the audit trail and the services it covers now.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaDetails")]
public sealed record SlaDetails(
    [property: Id(0)] SlaDefinition Current,
    [property: Id(1)] int Version,
    [property: Id(2)] ImmutableArray<SlaVersion> Versions,
    [property: Id(3)] ImmutableArray<SlaAuditEntry> Audit,
    [property: Id(4)] ImmutableArray<string> Services);
