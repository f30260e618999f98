using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Impact;

/// <summary>Short ways to write components and relations in tests.</summary>
internal static class Topo
{
    public static ComponentDefinition C(string id, params string[] dependsOn) =>
        C(id, null, [.. dependsOn.Select(d => new Relation(d))]);

    public static ComponentDefinition C(string id, StatusRule? rule, params Relation[] dependsOn) =>
        new(id, null, "service", ImmutableSortedDictionary<string, string>.Empty, [.. dependsOn], rule,
            ImmutableSortedDictionary<string, MetricSettings>.Empty);

    public static ComponentDefinition Kind(this ComponentDefinition component, string kind) => component with { Kind = kind };

    public static StatusRule Rule(RuleKind kind, int atLeast = 0, params AdditionalRule[] additional) => new(kind, atLeast, [.. additional]);
}
