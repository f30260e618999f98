using System.Collections.Immutable;

namespace ImpactMesh.Dashboard.Api;

/// <summary>What a change created and changed (SLA ids, "template NAME", "statement of work ID").</summary>
public sealed record SlaUpdateResponse(ImmutableArray<string> Created, ImmutableArray<string> Changed);
