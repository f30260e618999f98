using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Dashboard.Api;

/// <summary>An applied change of the relation graph; <see cref="Warnings"/> such as dependency cycles do not stop it.</summary>
public sealed record TopologyUpdateResponse(long Version, int Components, int Relations, ImmutableArray<DocumentProblem> Warnings);
