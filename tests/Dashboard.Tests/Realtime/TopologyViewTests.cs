using System.Collections.Immutable;
using ImpactMesh.Dashboard.Realtime;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Dashboard.Tests.Realtime;

public sealed class TopologyViewTests
{
    private static ComponentDefinition Component(string id, string kind, string tags = "", params Relation[] dependsOn) => new(
        id, null, kind,
        tags.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Split('=')).ToImmutableSortedDictionary(t => t[0], t => t[1]),
        [.. dependsOn], null, ImmutableSortedDictionary<string, MetricSettings>.Empty);

    private static readonly TopologyView View = new(new TopologySnapshot(
    [
        Component("shop", "service", "tier=gold", new Relation("app"), new Relation("dns")),
        Component("mail", "service", "tier=silver", new Relation("dns"), new Relation("legacy", Ignore: true)),
        Component("app", "application", "team=web", new Relation("db")),
        Component("db", "database", "tier=gold"),
        Component("dns", "network"),
        Component("legacy", "host"),
    ], 3, null));

    [Fact]
    public void Constructor_IgnoredRelation_LeftOffTheMap()
    {
        var mail = View.Components.Single(c => c.Id == "mail");

        Assert.Equal(["dns"], mail.DependsOn);
        Assert.Equal(3, View.Version);
    }

    [Fact]
    public void Scope_NoConditions_IsEverything()
    {
        Assert.Null(View.Scope(ImpactSubscription.Everything));
    }

    [Fact]
    public void Scope_Service_IsItsWholeDependencyTree()
    {
        Assert.Equal(["app", "db", "dns", "shop"], View.Scope(new ImpactSubscription(Service: "shop"))!.Order());
    }

    [Fact]
    public void Scope_TagAndKind_EveryConditionHolds()
    {
        Assert.Equal(["db", "shop"], View.Scope(new ImpactSubscription(Tag: "tier=GOLD"))!.Order());
        Assert.Equal(["app"], View.Scope(new ImpactSubscription(Tag: "team"))!);
        Assert.Equal(["db"], View.Scope(new ImpactSubscription(Service: "shop", Tag: "tier=gold", Kind: "database"))!);
    }

    [Fact]
    public void Scope_UnknownService_IsEmpty()
    {
        Assert.Empty(View.Scope(new ImpactSubscription(Service: "nope"))!);
    }
}
