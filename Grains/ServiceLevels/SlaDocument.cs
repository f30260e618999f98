using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// What an SLA document holds: SLAs, templates and statements of work. When <see cref="Problems"/> is not empty the
/// document was rejected as a whole and the lists are empty.
/// </summary>
internal sealed record SlaDocument(
    ImmutableArray<SlaDefinition> Slas,
    ImmutableArray<SlaTemplate> Templates,
    ImmutableArray<StatementOfWork> Statements,
    ImmutableArray<DocumentProblem> Problems)
{
    public bool IsValid => Problems.IsEmpty;

    public static SlaDocument Rejected(IEnumerable<DocumentProblem> problems) => new([], [], [], [.. problems]);
}
