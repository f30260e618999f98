using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests;

// GrainReferences lives in Grains.Interfaces; its tests need a cluster with the grains, so they are here.
[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Get_GivesTheReferenceGetGrainGives_ForEveryKeyAndInterface()
    {
        foreach (var key in new[] { "gr-1", "gr-2", "gr-ü €" })
        {
            var component = GrainReferences.Get<IComponentGrain>(fixture.Grains, key);
            var expected = fixture.Grains.GetGrain<IComponentGrain>(key);
            Assert.Equal(expected, component);
            Assert.Equal(expected.GetGrainId(), component.GetGrainId());

            var history = GrainReferences.Get<IMetricHistoryGrain>(fixture.Grains, key);
            Assert.Equal(fixture.Grains.GetGrain<IMetricHistoryGrain>(key), history);
        }

        Assert.Null(await GrainReferences.Get<IComponentGrain>(fixture.Grains, "gr-never-defined").GetRelationsAsync());
    }

    [Fact]
    public void Get_EmptyKey_Throws() =>
        Assert.Throws<ArgumentException>(() => GrainReferences.Get<IComponentGrain>(fixture.Grains, " "));
}
