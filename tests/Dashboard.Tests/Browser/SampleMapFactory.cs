namespace ImpactMesh.Dashboard.Tests.Browser;

/// <summary>The live host with the sample estate (samples/topology.yaml) loaded at start.</summary>
public sealed class SampleMapFactory : LiveImpactMeshFactory
{
    protected override string SampleTopology => Path.Combine(RepositoryRoot.Path, "samples", "topology.yaml");
}
