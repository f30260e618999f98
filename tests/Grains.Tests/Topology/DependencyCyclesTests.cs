using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Topology;

namespace ImpactMesh.Grains.Tests.Topology;

public sealed class DependencyCyclesTests
{
    private static ComponentDefinition C(string id, params string[] deps) =>
        new(id, null, "service", ImmutableSortedDictionary<string, string>.Empty,
            [.. deps.Select(d => new Relation(d))], null, ImmutableSortedDictionary<string, MetricSettings>.Empty);

    [Fact]
    public void Find_Dag_ReturnsNothing()
    {
        var found = DependencyCycles.Find([C("a", "b", "c"), C("b", "c"), C("c")]);
        Assert.Empty(found);
    }

    [Fact]
    public void Find_ThreeCycle_ReportsClosingRelationWithPath()
    {
        var found = DependencyCycles.Find([C("c", "a"), C("a", "b"), C("b", "c")]);

        var closing = Assert.Single(found);
        Assert.Equal(("c", "a", 0), (closing.From, closing.To, closing.RelationIndex));
        Assert.Equal(["a", "b", "c", "a"], closing.Cycle);
    }

    [Fact]
    public void Find_SelfLoopAndDiamond_ReportsOnlySelfLoop()
    {
        var found = DependencyCycles.Find([C("top", "l", "r"), C("l", "base"), C("r", "base"), C("base", "base")]);

        var closing = Assert.Single(found);
        Assert.Equal(("base", "base"), (closing.From, closing.To));
    }

    [Fact]
    public void Find_SameGraphInAnyWrittenOrder_ReturnsSameRelations()
    {
        ComponentDefinition[] graph = [C("x", "y"), C("y", "z", "x"), C("z", "x")];
        var expected = DependencyCycles.Find(graph).Select(r => (r.From, r.To)).ToList();

        var reversed = DependencyCycles.Find([.. graph.Reverse()]).Select(r => (r.From, r.To)).ToList();

        Assert.Equal(expected, reversed);
        Assert.Equal(2, expected.Count);
    }
}
