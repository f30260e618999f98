namespace ImpactMesh.Dashboard.Tests;

/// <summary>The host as a newcomer starts it: the sample estate and the sample SLA documents loaded.</summary>
public sealed class SampleDataFactory : ImpactMeshFactory
{
    protected override string SampleTopology => "../samples/topology.yaml";

    protected override string SampleSlas => "../samples";
}
