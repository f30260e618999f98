using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.LoadTests.Benchmarks;

/// <summary>
/// The impact engine's hot paths: one propagation step (an <see cref="ImpactNode"/> applying a dependency's report, as
/// a component grain does per message) and one what-if on a generated graph of 10,000 components and 30,000 relations
/// (target: well under 50 ms), single points of failure of one service, and the full evaluation the what-if starts from.
/// </summary>
[MemoryDiagnoser]
public class ImpactBenchmarks
{
    private const int Components = 10_000;
    private const int RelationsPerComponent = 3;

    private ImpactNode _node = null!;
    private ImpactReport[] _reports = null!;
    private long _sequence;
    private ImpactEvaluator _evaluator = null!;
    private Dictionary<string, HealthStatus> _own = null!;
    private ImpactEvaluation _current = null!;
    private Dictionary<string, HealthStatus> _assumption = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var components = Generate(random);
        _evaluator = new ImpactEvaluator(ImpactGraph.Compile(components));
        _own = components.Where(_ => random.Next(100) == 0).ToDictionary(c => c.Id, _ => (HealthStatus)random.Next(1, 5));
        _current = _evaluator.Evaluate(_own);

        // A deep component: failing it reaches a large part of the graph.
        _assumption = new Dictionary<string, HealthStatus> { [Id(5)] = HealthStatus.Critical };

        var dependencies = new[] { "db", "cache", "queue" };
        _node = new ImpactNode(Component("api", "service", RuleKind.Worst, [.. dependencies.Select(d => new Relation(d))]));
        _reports =
        [
            .. dependencies.Select(d => new ImpactReport(d, 0, HealthStatus.Critical, false,
                [new RootCause("disk", HealthStatus.Critical, ["disk", "host", d])], 1)),
            .. dependencies.Select(d => new ImpactReport(d, 0, HealthStatus.Ok, false, [], 0)),
        ];
    }

    /// <summary>One report arriving at a component with three dependencies (status flips, root causes, report).</summary>
    [Benchmark]
    public HealthStatus PropagationStep()
    {
        var report = _reports[(int)(_sequence % _reports.Length)] with { Sequence = ++_sequence };
        var changes = _node.Apply(report);
        return (changes & ImpactChanges.Report) != 0 ? _node.CreateReport().Status : _node.Status;
    }

    [Benchmark]
    public IReadOnlyList<WhatIfChange> WhatIf10k() => _evaluator.WhatIf(_current, _assumption);

    /// <summary>Single points of failure of the last service (about 3,700 components upstream: one status-only what-if each).</summary>
    [Benchmark]
    public int SinglePointsOfFailure10k() => _evaluator.SinglePointsOfFailure(Id(Components - 1)).Count;

    [Benchmark]
    public HealthStatus Evaluate10k() => _evaluator.Evaluate(_own).StatusOf(Id(Components - 1));

    /// <summary>A random DAG: component i depends on three of the components before it; the last tenth are services.</summary>
    private static List<ComponentDefinition> Generate(Random random)
    {
        var components = new List<ComponentDefinition>(Components);
        for (var i = 0; i < Components; i++)
        {
            var relations = new List<Relation>();
            for (var k = 0; i > 0 && k < RelationsPerComponent; k++)
            {
                var target = random.Next(Math.Max(0, i - 2_000), i);
                relations.Add(new Relation(Id(target), random.Next(10) == 0 ? RelationImpact.Soft : RelationImpact.Hard));
            }

            var kind = i >= Components * 9 / 10 ? "service" : "host";
            var rule = (i % 20) switch
            {
                0 => RuleKind.AtLeast,
                1 => RuleKind.Best,
                _ => RuleKind.Worst,
            };
            components.Add(Component(Id(i), kind, rule, relations));
        }

        return components;
    }

    private static ComponentDefinition Component(string id, string kind, RuleKind rule, IEnumerable<Relation> relations) =>
        new(id, null, kind, ImmutableSortedDictionary<string, string>.Empty, [.. relations],
            new StatusRule(rule, 2, rule == RuleKind.AtLeast
                ? [new AdditionalRule(HealthStatus.Major, ThresholdComparison.AtLeast, ThresholdMeasure.Percent, 50, HealthStatus.Major)]
                : []),
            ImmutableSortedDictionary<string, MetricSettings>.Empty);

    private static string Id(int i) => $"c{i:D5}";
}
