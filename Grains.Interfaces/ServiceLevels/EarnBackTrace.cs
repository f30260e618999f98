using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// What happened to one credit: the following periods that met the level (<see cref="EarnedBy"/>) and, when the credit
/// became payable, the period that failed it (<see cref="FailedIn"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.EarnBackTrace")]
public sealed record EarnBackTrace(
    [property: Id(0)] CreditResult Credit,
    [property: Id(1)] EarnBackState State,
    [property: Id(2)] ImmutableArray<TimeInterval> EarnedBy,
    [property: Id(3)] TimeInterval? FailedIn);
