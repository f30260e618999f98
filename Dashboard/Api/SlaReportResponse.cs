using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Dashboard.Api;

/// <summary>A period's service report and the improvement items still open.</summary>
public sealed record SlaReportResponse(ServiceReport Report, ImmutableArray<ImprovementItem> OpenItems);
