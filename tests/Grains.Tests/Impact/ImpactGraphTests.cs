using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Impact;

public sealed class ImpactGraphTests
{
    [Fact]
    public void Compile_Components_IndexedInOrdinalIdOrder()
    {
        var graph = ImpactGraph.Compile([Topo.C("b"), Topo.C("a"), Topo.C("B")]);

        Assert.Equal(["B", "a", "b"], graph.Ids);
        Assert.Equal(1, graph.IndexOf("a"));
        Assert.Equal(-1, graph.IndexOf("zzz"));
    }

    [Fact]
    public void Compile_Chain_TopologicalOrderPutsDependenciesFirst()
    {
        var graph = ImpactGraph.Compile([Topo.C("a", "b"), Topo.C("b", "c"), Topo.C("c")]);

        Assert.Equal(["c", "b", "a"], graph.TopologicalOrder.ToArray().Select(graph.Id));
    }

    [Fact]
    public void Compile_Cycle_ClosingRelationDoesNotPropagate()
    {
        var graph = ImpactGraph.Compile([Topo.C("a", "b"), Topo.C("b", "c"), Topo.C("c", "x", "a"), Topo.C("x")]);

        var c = graph.IndexOf("c");
        Assert.Equal([graph.IndexOf("x")], graph.Dependencies(c).ToArray().Select(e => e.Dependency));
        Assert.Equal([1], graph.NonPropagatingRelations("c"));
        Assert.Empty(graph.NonPropagatingRelations("a"));
        Assert.Empty(graph.Dependents(graph.IndexOf("a")).ToArray());
    }

    [Fact]
    public void Compile_IgnoredRelation_NoEdge()
    {
        var graph = ImpactGraph.Compile([Topo.C("a", null, new Relation("b", Ignore: true), new Relation("c", Weight: 7)), Topo.C("b"), Topo.C("c")]);

        var edge = Assert.Single(graph.Dependencies(graph.IndexOf("a")).ToArray());
        Assert.Equal((graph.IndexOf("c"), 7), (edge.Dependency, edge.Weight));
    }

    [Fact]
    public void Compile_DuplicateRelation_OneDependent()
    {
        var graph = ImpactGraph.Compile([Topo.C("a", "b", "b"), Topo.C("b")]);

        Assert.Equal(2, graph.Dependencies(graph.IndexOf("a")).Length);
        Assert.Equal([graph.IndexOf("a")], graph.Dependents(graph.IndexOf("b")).ToArray());
    }

    [Fact]
    public void Compile_UnknownDependency_Throws()
    {
        Assert.Throws<ArgumentException>(() => ImpactGraph.Compile([Topo.C("a", "ghost")]));
    }

    [Fact]
    public void Compile_DuplicateId_Throws()
    {
        Assert.Throws<ArgumentException>(() => ImpactGraph.Compile([Topo.C("a"), Topo.C("a")]));
    }

    [Fact]
    public void IsService_GraphWithServices_OnlyServiceKind()
    {
        var graph = ImpactGraph.Compile([Topo.C("web"), Topo.C("db").Kind("database")]);

        Assert.True(graph.IsService(graph.IndexOf("web")));
        Assert.False(graph.IsService(graph.IndexOf("db")));
    }

    [Fact]
    public void IsService_GraphWithoutServices_EveryComponent()
    {
        var graph = ImpactGraph.Compile([Topo.C("host").Kind("host"), Topo.C("db").Kind("database")]);

        Assert.True(graph.IsService(0));
        Assert.True(graph.IsService(1));
    }
}
