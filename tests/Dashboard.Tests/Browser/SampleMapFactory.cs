namespace ImpactMesh.Dashboard.Tests.Browser;

/// <summary>
/// The live host with the sample estate (samples/topology.yaml) and sample SLAs loaded at start and, as in the embedded default run,
/// the demo feed giving its declared metrics data, so the estate is known to be Ok rather than Unknown.
/// </summary>
public sealed class SampleMapFactory : LiveImpactMeshFactory
{
    protected override string SampleTopology => Path.Combine(RepositoryRoot.Path, "samples", "topology.yaml");

    protected override string SampleSlas => Path.Combine(RepositoryRoot.Path, "samples");

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("ImpactMesh:DemoFeed", "true")];
}
