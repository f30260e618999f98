using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Tests.Hosting;

using ImpactMesh.Grains.Hosting;

public sealed class ResponsePoolsTests
{
    // Fails when an Orleans upgrade moves the pools: then the bound is lost and long runs leak again (see ResponsePools).
    [Fact]
    public void Bound_FindsOrleansPools_AndSetsTheirBound()
    {
        Assert.True(ResponsePools.Bound(typeof(SampleBatchResult)));

        Assert.Equal(ResponsePools.MaxPerThread, ResponsePools.MaxPoolSize(typeof(SampleBatchResult)));
    }
}
