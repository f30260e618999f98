using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Dashboard.Api;

/// <summary>The answer to a batch of samples: how many were accepted and rejected, and each rejected one by index with its reason.</summary>
public sealed record MetricsResponse(int Accepted, int RejectedCount, ImmutableArray<SampleRejection> Rejected);
