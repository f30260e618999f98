using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Impact;

/// <summary>Random relation graphs (DAGs or with cycles) with every rule kind and relation setting, and random events.</summary>
internal static class RandomTopology
{
    private static readonly HealthStatus[] Statuses =
        [HealthStatus.Ok, HealthStatus.Warning, HealthStatus.Minor, HealthStatus.Major, HealthStatus.Critical, HealthStatus.Unknown];

    public static List<ComponentDefinition> Generate(Random random, int count, bool cycles, int maxDegree = 4)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"{(char)('a' + random.Next(26))}{i}").ToArray();
        var noServices = random.Next(5) == 0;
        var components = new List<ComponentDefinition>(count);
        for (var i = 0; i < count; i++)
        {
            var degree = i == 0 && !cycles ? 0 : random.Next(maxDegree + 1);
            var relations = new List<Relation>(degree);
            for (var k = 0; k < degree; k++)
            {
                var target = cycles && random.Next(4) == 0 ? random.Next(count) : i == 0 ? -1 : random.Next(i);
                if (target < 0) continue;
                relations.Add(new Relation(
                    ids[target],
                    random.Next(5) == 0 ? RelationImpact.Soft : RelationImpact.Hard,
                    random.Next(3) == 0 ? random.Next(-2, 3) : 0,
                    random.Next(3) == 0 ? random.Next(0, 10) : 1,
                    random.Next(10) == 0));
            }

            var kind = noServices ? "host" : random.Next(3) == 0 ? "service" : "database";
            components.Add(new ComponentDefinition(ids[i], null, kind, ImmutableSortedDictionary<string, string>.Empty,
                [.. relations], Rule(random), ImmutableSortedDictionary<string, MetricSettings>.Empty));
        }

        return components;
    }

    public static List<ImpactEvent> Events(Random random, IReadOnlyList<ComponentDefinition> components, int count)
    {
        var events = new List<ImpactEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var id = components[random.Next(components.Count)].Id;
            events.Add(random.Next(6) == 0
                ? new ImpactEvent(id, null, random.Next(2) == 0)
                : new ImpactEvent(id, Statuses[random.Next(Statuses.Length)], false));
        }

        return events;
    }

    private static StatusRule? Rule(Random random)
    {
        if (random.Next(4) == 0) return null;
        var kind = (RuleKind)random.Next(4);
        var additional = new List<AdditionalRule>();
        var extra = random.Next(4) == 0 ? random.Next(1, 3) : 0;
        for (var i = 0; i < extra; i++)
        {
            var measure = (ThresholdMeasure)random.Next(4);
            double threshold = measure switch
            {
                ThresholdMeasure.Count => random.Next(0, 4),
                ThresholdMeasure.Weight => random.Next(0, 15),
                _ => random.Next(0, 11) * 10,
            };
            additional.Add(new AdditionalRule(
                Statuses[random.Next(1, 5)],
                (ThresholdComparison)random.Next(2),
                measure,
                threshold,
                random.Next(12) == 0 ? HealthStatus.Unknown : Statuses[random.Next(5)]));
        }

        return new StatusRule(kind, random.Next(0, 4), [.. additional]);
    }
}
