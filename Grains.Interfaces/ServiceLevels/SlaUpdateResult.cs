using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// The outcome of a change to SLAs, templates or statements of work: applied (naming what was created and changed), or
/// refused as a whole with every problem (<see cref="Forbidden"/> when only the admin role may make it).
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.SlaUpdateResult")]
public sealed record SlaUpdateResult(
    [property: Id(0)] bool Applied,
    [property: Id(1)] bool Forbidden,
    [property: Id(2)] ImmutableArray<DocumentProblem> Errors,
    [property: Id(3)] ImmutableArray<string> Created,
    [property: Id(4)] ImmutableArray<string> Changed)
{
    public static SlaUpdateResult Done(ImmutableArray<string> created, ImmutableArray<string> changed) => new(true, false, [], created, changed);

    public static SlaUpdateResult Invalid(params DocumentProblem[] errors) => new(false, false, [.. errors], [], []);

    public static SlaUpdateResult Refused(string path, string message) => new(false, true, [new DocumentProblem(path, message)], [], []);
}
