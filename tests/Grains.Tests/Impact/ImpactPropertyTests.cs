using CsCheck;
using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Impact;

public sealed class ImpactPropertyTests
{
    private const int Uncapped = 1_000_000;

    private static readonly Gen<(int Seed, int Size, bool Cycles)> SmallGraphs =
        Gen.Select(Gen.Int, Gen.Int[1, 40], Gen.Bool);

    private static readonly Gen<(int Seed, int Size, bool Cycles)> LargeGraphs =
        Gen.Select(Gen.Int, Gen.Int[500, 2000], Gen.Bool);

    [Fact]
    public void Propagation_RandomOrderDelivery_ConvergesToReference()
    {
        SmallGraphs.Sample((seed, size, cycles) => CheckPropagation(seed, size, cycles, Uncapped), iter: 300);
    }

    [Fact]
    public void Propagation_LargeGraphs_ConvergesToReference()
    {
        LargeGraphs.Sample((seed, size, cycles) => CheckPropagation(seed, size, cycles, Uncapped), iter: 4, threads: 2);
    }

    [Fact]
    public void Propagation_CappedRootCauses_MatchesEvaluatorExactly()
    {
        SmallGraphs.Sample((seed, size, cycles) => CheckPropagation(seed, size, cycles, rootCauseCap: 2), iter: 200);
    }

    [Fact]
    public void Evaluate_RandomGraphs_MatchesReference()
    {
        SmallGraphs.Sample((seed, size, cycles) =>
        {
            var random = new Random(seed);
            var components = RandomTopology.Generate(random, size, cycles);
            var (own, maintenance) = FinalState(RandomTopology.Events(random, components, size * 2));
            var evaluation = new ImpactEvaluator(ImpactGraph.Compile(components), Uncapped).Evaluate(own, maintenance);
            var reference = new ReferenceImpact(components, own, maintenance);

            foreach (var c in components) AssertMatchesReference(evaluation.Get(c.Id), reference, components);
        }, iter: 300);
    }

    [Fact]
    public void WhatIf_RandomAssumptions_EqualsFreshEvaluationDifference()
    {
        SmallGraphs.Sample((seed, size, cycles) =>
        {
            var random = new Random(seed);
            var components = RandomTopology.Generate(random, size, cycles);
            var (own, maintenance) = FinalState(RandomTopology.Events(random, components, size));
            var (assumed, _) = FinalState(RandomTopology.Events(random, components, 3).Where(e => e.Own is not null));
            var evaluator = new ImpactEvaluator(ImpactGraph.Compile(components), rootCauseCap: 3);
            var before = evaluator.Evaluate(own, maintenance);
            var combined = new Dictionary<string, HealthStatus>(own);
            foreach (var (id, s) in assumed) combined[id] = s;

            var changes = evaluator.WhatIf(before, assumed);

            var after = evaluator.Evaluate(combined, maintenance);
            var expected = components
                .Where(c => before.StatusOf(c.Id) != after.StatusOf(c.Id))
                .Select(c => (c.Id, before.StatusOf(c.Id), after.StatusOf(c.Id)))
                .Order()
                .ToList();
            Assert.Equal(expected, changes.Select(c => (c.Id, c.Before, c.After)).Order().ToList());
            foreach (var change in changes) Assert.Equal(Describe(after.Get(change.Id).RootCauses), Describe(change.RootCauses));
            var again = evaluator.Evaluate(own, maintenance);
            Assert.All(components, c => Assert.Equal(again.Get(c.Id), before.Get(c.Id), ImpactEquals));
        }, iter: 200);
    }

    [Fact]
    public void RankBlastRadius_RandomGraphs_CountsServicesExplainedByReference()
    {
        SmallGraphs.Sample((seed, size, cycles) =>
        {
            var random = new Random(seed);
            var components = RandomTopology.Generate(random, size, cycles);
            var (own, maintenance) = FinalState(RandomTopology.Events(random, components, size));
            var evaluator = new ImpactEvaluator(ImpactGraph.Compile(components), rootCauseCap: 1);
            var reference = new ReferenceImpact(components, own, maintenance);
            var services = components.Any(c => c.Kind == "service") ? components.Where(c => c.Kind == "service").ToList() : components;

            var ranking = evaluator.RankBlastRadius(evaluator.Evaluate(own, maintenance));

            var roots = components.Where(c => reference.RootCauses(c.Id).ContainsKey(c.Id)).Select(c => c.Id).Order().ToList();
            Assert.Equal(roots, ranking.Select(r => r.Id).Order().ToList());
            foreach (var r in ranking)
            {
                var explained = services.Where(s => reference.RootCauses(s.Id).ContainsKey(r.Id)).ToList();
                Assert.Equal(explained.Count, r.Services);
                Assert.Equal(explained.Sum(s => (int)reference.Status(s.Id)), r.Score);
            }

            Assert.Equal(ranking.OrderByDescending(r => r.Score).Select(r => r.Score), ranking.Select(r => r.Score));
        }, iter: 200);
    }

    [Fact]
    public void SinglePointsOfFailure_RandomGraphs_MatchesReferenceOfEachFailureAlone()
    {
        SmallGraphs.Sample((seed, size, cycles) =>
        {
            var random = new Random(seed);
            var components = RandomTopology.Generate(random, size, cycles);
            var service = components[random.Next(components.Count)].Id;
            var none = new HashSet<string>();
            var before = new ReferenceImpact(components, new Dictionary<string, HealthStatus>(), none).Status(service);
            var expected = components
                .Where(c => c.Id != service)
                .Select(c => (c.Id, Status: new ReferenceImpact(components, new Dictionary<string, HealthStatus> { [c.Id] = HealthStatus.Critical }, none).Status(service)))
                .Where(c => c.Status != before)
                .OrderByDescending(c => c.Status == HealthStatus.Unknown ? 0 : (int)c.Status)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .ToList();

            var found = new ImpactEvaluator(ImpactGraph.Compile(components)).SinglePointsOfFailure(service);

            Assert.Equal(expected, found.Select(f => (f.Id, f.ServiceStatus)).ToList());
        }, iter: 150);
    }

    private static void CheckPropagation(int seed, int size, bool cycles, int rootCauseCap)
    {
        var random = new Random(seed);
        var components = RandomTopology.Generate(random, size, cycles);
        var events = RandomTopology.Events(random, components, Math.Min(size * 2, 60));
        var simulation = new PropagationSimulation(components, random, rootCauseCap);

        simulation.Run(events);

        var (own, maintenance) = FinalState(events);
        var reference = new ReferenceImpact(components, own, maintenance);
        var evaluation = new ImpactEvaluator(ImpactGraph.Compile(components), rootCauseCap).Evaluate(own, maintenance);
        foreach (var c in components)
        {
            var node = simulation.Nodes[c.Id].ToImpact();
            Assert.Equal(reference.Status(c.Id), node.Status);
            Assert.Equal(evaluation.Get(c.Id), node, ImpactEquals);
            if (rootCauseCap == Uncapped)
            {
                AssertMatchesReference(node, reference, components);
            }
            else
            {
                var all = reference.RootCauses(c.Id);
                Assert.True(node.RootCauses.Length <= rootCauseCap);
                Assert.All(node.RootCauses, r => Assert.True(all.ContainsKey(r.Id)));
                Assert.InRange(node.TotalRootCauses, node.RootCauses.Length, all.Count);
            }
        }
    }

    private static void AssertMatchesReference(ComponentImpact actual, ReferenceImpact reference, IReadOnlyList<ComponentDefinition> components)
    {
        Assert.Equal(reference.Status(actual.Id), actual.Status);
        var expected = reference.RootCauses(actual.Id);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.RootCauses.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, actual.TotalRootCauses);
        var byId = components.ToDictionary(c => c.Id);
        foreach (var cause in actual.RootCauses)
        {
            Assert.Equal(expected[cause.Id], cause.Path.Length);
            Assert.Equal(cause.Id, cause.Path[0]);
            Assert.Equal(actual.Id, cause.Path[^1]);
            Assert.Equal(reference.Own(cause.Id), cause.Status);
            for (var k = 1; k < cause.Path.Length; k++)
            {
                Assert.Contains(byId[cause.Path[k]].DependsOn, r => r.Id == cause.Path[k - 1]);
            }
        }
    }

    private static (Dictionary<string, HealthStatus> Own, HashSet<string> Maintenance) FinalState(IEnumerable<ImpactEvent> events)
    {
        var own = new Dictionary<string, HealthStatus>();
        var maintenance = new HashSet<string>();
        foreach (var e in events)
        {
            if (e.Own is { } s) own[e.Id] = s;
            else if (e.Maintenance) maintenance.Add(e.Id);
            else maintenance.Remove(e.Id);
        }

        return (own, maintenance);
    }

    private static string Describe(IEnumerable<RootCause> causes) =>
        string.Join(" | ", causes.Select(c => $"{c.Id} {c.Status} {string.Join(">", c.Path)}"));

    private static bool ImpactEquals(ComponentImpact? a, ComponentImpact? b) =>
        a is not null && b is not null && a.Id == b.Id && a.Status == b.Status && a.TotalRootCauses == b.TotalRootCauses
        && Describe(a.RootCauses) == Describe(b.RootCauses);
}
