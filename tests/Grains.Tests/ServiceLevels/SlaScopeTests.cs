using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.ServiceLevels;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class SlaScopeTests
{
    private static ComponentDefinition Component(string id, string kind, string? tier, string? owner = null, string? percentMetric = null) =>
        new(id, null, kind,
            ImmutableSortedDictionary.CreateRange(new[] { ("tier", tier), ("owner", owner) }.Where(t => t.Item2 is not null).Select(t => KeyValuePair.Create(t.Item1, t.Item2!))),
            [], null,
            percentMetric is null ? ImmutableSortedDictionary<string, MetricSettings>.Empty
                : ImmutableSortedDictionary.CreateRange([KeyValuePair.Create(percentMetric, new MetricSettings { Unit = "%" }), KeyValuePair.Create("latency_ms", new MetricSettings { Unit = "ms" })]));

    private static readonly ComponentDefinition[] Graph =
    [
        Component("svc-b", "service", "gold", "team-b", "error_rate"),
        Component("svc-a", "service", "gold"),
        Component("db-gold", "database", "gold", "dba"),
        Component("svc-c", "service", "silver", "team-c"),
    ];

    [Fact]
    public void Resolve_IdsAndTags_ListedIdsPlusTaggedServicesOnlyInOrder()
    {
        var selector = new ServiceSelector(["svc-gone", "svc-c"], ImmutableSortedDictionary.CreateRange([KeyValuePair.Create("tier", "gold")]));

        Assert.Equal(["svc-a", "svc-b", "svc-c", "svc-gone"], SlaScope.Resolve(selector, Graph));
    }

    [Fact]
    public void PercentMetricsAndOwner_OfCoveredServices_ComeFromTheGraph()
    {
        Assert.Equal(["error_rate"], SlaScope.PercentMetrics(["svc-a", "svc-b"], Graph));
        Assert.Equal("team-b", SlaScope.Owner(["svc-a", "svc-b", "svc-c"], Graph));
        Assert.Null(SlaScope.Owner(["svc-a"], Graph));
    }
}
