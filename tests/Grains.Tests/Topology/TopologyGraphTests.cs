using System.Runtime.InteropServices;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Topology;

namespace ImpactMesh.Grains.Tests.Topology;

public sealed class TopologyGraphTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private const string Estate = """
        components:
          - { id: svc, kind: service, dependsOn: [app] }
          - { id: app, kind: application, dependsOn: [db, host] }
          - { id: db, kind: database, dependsOn: [host] }
          - { id: host, kind: host }
        """;

    private static TopologyGraph Loaded()
    {
        var graph = new TopologyGraph([], 0, null);
        Assert.True(graph.Replace(Estate, DocumentFormat.Yaml, Now).Result.Applied);
        return graph;
    }

    [Fact]
    public void Replace_ValidDocument_AppliesAndCountsRelations()
    {
        var graph = new TopologyGraph([], 0, null);

        var change = graph.Replace(Estate, DocumentFormat.Yaml, Now);

        Assert.Equal((4, 4, 1L), (change.Result.Components, change.Result.Relations, change.Result.Version));
        Assert.Equal(["svc", "app", "db", "host"], change.Affected);
        Assert.Equal(["app", "db"], graph.Get("host")!.Dependents.Select(r => r.Id));
        Assert.Equal(Now, graph.UpdatedAt);
    }

    [Fact]
    public void Get_PlainRelation_DependentIsTheRelationWrittenToIt()
    {
        var graph = new TopologyGraph([], 0, null);
        var change = graph.Replace("""
            components:
              - { id: web, kind: service, dependsOn: [app] }
              - { id: app, kind: application, dependsOn: [host, { id: cache, impact: soft }] }
              - { id: cache, kind: database, dependsOn: [host] }
              - { id: host, kind: host }
            """, DocumentFormat.Yaml, Now);
        Assert.True(change.Result.Applied);
        var webToApp = graph.Get("web")!.Definition.DependsOn[0];

        var appAsDependentOfHost = graph.Get("host")!.Dependents.Single(d => d.Id == "app");
        var appAsDependentOfCache = graph.Get("cache")!.Dependents.Single();

        Assert.Same(webToApp, appAsDependentOfHost);
        Assert.Equal(new Relation("app", RelationImpact.Soft), appAsDependentOfCache);
    }

    [Fact]
    public void Get_Twice_SharesOneDependentsArray()
    {
        var graph = Loaded();

        var first = graph.Get("host")!.Dependents;
        var second = graph.Get("host")!.Dependents;

        Assert.Same(ImmutableCollectionsMarshal.AsArray(first), ImmutableCollectionsMarshal.AsArray(second));
    }

    [Fact]
    public void Replace_UnknownAndDuplicateIds_RejectsAndKeepsPreviousGraph()
    {
        var graph = Loaded();

        var change = graph.Replace("""
            components:
              - { id: a, kind: host, dependsOn: [db-9] }
              - { id: a, kind: host }
              - { id: b, kind: host, dependsOn: [a, a] }
            """, DocumentFormat.Yaml, Now);

        Assert.False(change.Result.Applied);
        Assert.Equal(
            ["components[1].id: duplicate id 'a' (first at components[0])", "components[0].dependsOn[0]: unknown component 'db-9'", "components[2].dependsOn[1]: depends on 'a' more than once"],
            change.Result.Errors.Select(e => e.ToString()));
        Assert.Equal(1, graph.Version);
        Assert.Equal(4, graph.Components.Count);
        Assert.Empty(change.Affected);
    }

    [Fact]
    public void Replace_RelationToComponentWithOtherProblems_IsNotReportedUnknown()
    {
        var graph = new TopologyGraph([], 0, null);

        var change = graph.Replace("components:\n  - { id: a, kind: host, dependsOn: [b] }\n  - { id: b, kind: 7 }", DocumentFormat.Yaml, Now);

        Assert.Equal(["components[1].kind: must be a string, not a number"], change.Result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Replace_Cycle_AppliesWithWarning()
    {
        var graph = new TopologyGraph([], 0, null);

        var change = graph.Replace("components:\n  - { id: a, kind: host, dependsOn: [b] }\n  - { id: b, kind: host, dependsOn: [a] }", DocumentFormat.Yaml, Now);

        Assert.True(change.Result.Applied);
        var warning = Assert.Single(change.Result.Warnings);
        Assert.Equal("components[1].dependsOn[0]: closes the dependency cycle a -> b -> a; this relation does not propagate status", warning.ToString());
    }

    [Fact]
    public void Replace_SameDocumentAgain_AffectsNothing()
    {
        var graph = Loaded();

        var change = graph.Replace(Estate, DocumentFormat.Yaml, Now);

        Assert.Empty(change.Affected);
        Assert.Equal(2, change.Result.Version);
    }

    [Fact]
    public void Upsert_NewDependency_AffectsComponentAndItsNewDependency()
    {
        var graph = Loaded();

        var change = graph.Upsert("svc", "kind: service\ndependsOn: [app, db]", DocumentFormat.Yaml, Now);

        Assert.True(change.Result.Applied);
        Assert.Equal(["svc", "db"], change.Affected);
        Assert.Equal(["app", "svc"], graph.Get("db")!.Dependents.Select(r => r.Id));
    }

    [Fact]
    public void Upsert_UnknownDependency_RejectsWithRelativePath()
    {
        var graph = Loaded();

        var change = graph.Upsert("new", "kind: host\ndependsOn: [nope]", DocumentFormat.Yaml, Now);

        Assert.Equal(["dependsOn[0]: unknown component 'nope'"], change.Result.Errors.Select(e => e.ToString()));
        Assert.Null(graph.Get("new"));
    }

    [Fact]
    public void Upsert_NewComponent_IsAppended()
    {
        var graph = Loaded();

        graph.Upsert("lb", """{"kind":"network"}""", DocumentFormat.Json, Now);

        Assert.Equal("lb", graph.Components[^1].Id);
        Assert.Equal(5, graph.Components.Count);
    }

    [Fact]
    public void Remove_WithDependents_RefusesWithoutForce()
    {
        var graph = Loaded();

        var (result, affected) = graph.Remove("host", force: false, Now);

        Assert.Equal((true, false), (result.Found, result.Removed));
        Assert.Equal(["app", "db"], result.Dependents);
        Assert.Empty(affected);
        Assert.NotNull(graph.Get("host"));
    }

    [Fact]
    public void Remove_WithForce_DetachesDependents()
    {
        var graph = Loaded();

        var (result, affected) = graph.Remove("host", force: true, Now);

        Assert.True(result.Removed);
        Assert.Equal(["app", "db", "host"], affected.Order());
        Assert.Equal(["db"], graph.Get("app")!.Definition.DependsOn.Select(r => r.Id));
        Assert.Null(graph.Get("host"));
    }

    [Fact]
    public void Remove_Unknown_IsNotFound()
    {
        var (result, _) = Loaded().Remove("nope", force: true, Now);

        Assert.False(result.Found);
    }

    [Fact]
    public void Replace_SampleTopology_LoadsWithoutProblems()
    {
        var graph = new TopologyGraph([], 0, null);
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "topology.yaml"));

        var change = graph.Replace(text, DocumentFormat.Yaml, Now);

        Assert.Empty(change.Result.Errors);
        Assert.Empty(change.Result.Warnings);
        Assert.InRange(change.Result.Components, 40, 80);
        Assert.True(graph.Get("dns")!.Dependents.Count(d => graph.Get(d.Id)!.Definition.Kind == "service") >= 4, "dns is a shared dependency of most services");
    }
}
