using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// What a customer buys: the scope (services), optional service hours overriding the template's, special terms and the fee.
/// A new customer SLA is <see cref="Template"/> applied to this statement, then negotiated.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.StatementOfWork")]
public sealed record StatementOfWork(
    [property: Id(0)] string Id,
    [property: Id(1)] string Customer,
    [property: Id(2)] string Template,
    [property: Id(3)] ServiceSelector Services,
    [property: Id(4)] ServiceHours? ServiceHours,
    [property: Id(5)] string? TimeZone,
    [property: Id(6)] ImmutableArray<string> SpecialTerms,
    [property: Id(7)] Fee Fee);
