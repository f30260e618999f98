using ImpactMesh.Grains.Documents;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Documents;

public sealed class InstancePoolTests
{
    [Fact]
    public void Get_EqualStrings_ReturnsTheFirstInstance()
    {
        var pool = new InstancePool();
        var first = new string("team-7".AsSpan());
        var second = new string("team-7".AsSpan());

        Assert.Same(first, pool.Get(first));
        Assert.Same(first, pool.Get(second));
        Assert.NotSame(first, pool.Get(new string("team-8".AsSpan())));
    }

    [Fact]
    public void Get_EqualRecords_ReturnsTheFirstInstanceAndKeepsDifferentSettingsApart()
    {
        var pool = new InstancePool();
        var plain = new Relation("db");

        Assert.Same(plain, pool.Get(plain));
        Assert.Same(plain, pool.Get(new Relation("db")));
        Assert.Equal(RelationImpact.Soft, pool.Get(new Relation("db", RelationImpact.Soft)).Impact);
    }

    [Fact]
    public void Get_StringAndRecordOfOneId_AreNotConfused()
    {
        var pool = new InstancePool();

        pool.Get("db");
        var relation = pool.Get(new Relation("db"));

        Assert.Equal(new Relation("db"), relation);
    }
}
