namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>One problem found in a document: where (e.g. <c>components[3].dependsOn[1]</c>) and what.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.DocumentProblem")]
public sealed record DocumentProblem(
    [property: Id(0)] string Path,
    [property: Id(1)] string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
