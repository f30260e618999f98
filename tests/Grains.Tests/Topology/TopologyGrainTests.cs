using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Topology;

/// <summary>
/// The topology grain is a singleton, so these tests share it and run one after another in this collection; each uses
/// its own component ids and replaces the whole graph it needs.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TopologyGrainTests(ClusterFixture fixture)
{
    private ITopologyGrain Topology => fixture.Grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key);

    [Fact]
    public async Task ReplaceAsync_ValidGraph_ConfiguresEveryComponentGrain()
    {
        var result = await Topology.ReplaceAsync("components:\n  - { id: t1-app, kind: application, dependsOn: [t1-db] }\n  - { id: t1-db, kind: database }", DocumentFormat.Yaml);

        Assert.True(result.Applied);
        var db = await fixture.Grains.GetGrain<IComponentGrain>("t1-db").GetRelationsAsync();
        Assert.Equal(["t1-app"], db!.Dependents.Select(r => r.Id));
        Assert.Equal(result.Version, db.Version);
    }

    [Fact]
    public async Task ReplaceAsync_InvalidGraph_KeepsPreviousGraph()
    {
        await Topology.ReplaceAsync("components:\n  - { id: t2-a, kind: host }", DocumentFormat.Yaml);
        var before = await Topology.GetSnapshotAsync();

        var result = await Topology.ReplaceAsync("components:\n  - { id: t2-b, kind: host, dependsOn: [missing] }", DocumentFormat.Yaml);

        Assert.False(result.Applied);
        var after = await Topology.GetSnapshotAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(["t2-a"], after.Components.Select(c => c.Id));
    }

    [Fact]
    public async Task RemoveComponentAsync_Forced_TellsRemovedAndDetachedGrains()
    {
        await Topology.ReplaceAsync("components:\n  - { id: t3-app, kind: application, dependsOn: [t3-db] }\n  - { id: t3-db, kind: database }", DocumentFormat.Yaml);

        var result = await Topology.RemoveComponentAsync("t3-db", force: true);

        Assert.True(result.Removed);
        Assert.Null(await fixture.Grains.GetGrain<IComponentGrain>("t3-db").GetRelationsAsync());
        var app = await fixture.Grains.GetGrain<IComponentGrain>("t3-app").GetRelationsAsync();
        Assert.Empty(app!.Definition.DependsOn);
    }

    [Fact]
    public async Task ComponentGrain_ActivatedAfterChange_AsksTopologyForItsRelations()
    {
        await Topology.ReplaceAsync("components:\n  - { id: t4-a, kind: host }", DocumentFormat.Yaml);
        var upsert = await Topology.UpsertComponentAsync("t4-b", "kind: host\ndependsOn: [t4-a]", DocumentFormat.Yaml);
        Assert.True(upsert.Applied);

        var relations = await fixture.Grains.GetGrain<IComponentGrain>("t4-b").GetRelationsAsync();

        Assert.Equal(["t4-a"], relations!.Definition.DependsOn.Select(r => r.Id));
        Assert.Null(await fixture.Grains.GetGrain<IComponentGrain>("never-defined").GetRelationsAsync());
    }

    [Fact]
    public async Task Graph_AfterEveryGrainIsDeactivated_IsReadBackFromStorage()
    {
        await Topology.ReplaceAsync("components:\n  - { id: t5-app, kind: application, tags: { a: b }, dependsOn: [{ id: t5-db, impact: soft }], rule: { atLeast: 1 } }\n  - { id: t5-db, kind: database, metrics: { cpu: { warning: 80 } } }", DocumentFormat.Yaml);
        var before = await Topology.GetSnapshotAsync();

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        var after = await Topology.GetSnapshotAsync();

        Assert.Equal(before.Version, after.Version);
        Assert.True(before.Components.Zip(after.Components).All(p => Grains.Topology.ComponentDefinitionComparer.Same(p.First, p.Second)));
        var app = await fixture.Grains.GetGrain<IComponentGrain>("t5-app").GetRelationsAsync();
        Assert.Equal(RelationImpact.Soft, app!.Definition.DependsOn.Single().Impact);
    }
}
