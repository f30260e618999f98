using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Dashboard.Api;

/// <summary>Every SLA with its state and standing (level so far this period, error budget remaining, firing alerts).</summary>
public sealed record SlaListResponse(ImmutableArray<SlaSummary> Slas);
