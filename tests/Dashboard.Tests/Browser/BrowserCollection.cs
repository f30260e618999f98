namespace ImpactMesh.Dashboard.Tests.Browser;

/// <summary>Browser tests run one at a time and apart from the other tests: their timings must not fight for the 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
