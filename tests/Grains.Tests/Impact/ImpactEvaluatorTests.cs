using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Impact;

public sealed class ImpactEvaluatorTests
{
    [Fact]
    public void Evaluate_Chain_PropagatesWithShortestPath()
    {
        var evaluator = Evaluator(Topo.C("web", "api"), Topo.C("api", "db"), Topo.C("db").Kind("database"));

        var evaluation = evaluator.Evaluate(Own(("db", HealthStatus.Major)));

        var web = evaluation.Get("web");
        Assert.Equal(HealthStatus.Major, web.Status);
        var cause = Assert.Single(web.RootCauses);
        Assert.Equal(("db", HealthStatus.Major), (cause.Id, cause.Status));
        Assert.Equal(["db", "api", "web"], cause.Path);
        Assert.Equal("1 of 1 dependency Major (worst)", web.Reason);
        Assert.Equal("own health Major", evaluation.Get("db").Reason);
    }

    [Fact]
    public void Evaluate_Diamond_SharedDependencyCountsOnce()
    {
        var evaluator = Evaluator(Topo.C("top", "left", "right"), Topo.C("left", "base"), Topo.C("right", "mid"),
            Topo.C("mid", "base"), Topo.C("base"));

        var top = evaluator.Evaluate(Own(("base", HealthStatus.Critical))).Get("top");

        var cause = Assert.Single(top.RootCauses);
        Assert.Equal(["base", "left", "top"], cause.Path);
        Assert.Equal(1, top.TotalRootCauses);
    }

    [Fact]
    public void Evaluate_Cycle_ClosingRelationDoesNotPropagate()
    {
        // The walk from "a" finds a -> b -> c -> a: c's relation to a closes the cycle.
        var evaluator = Evaluator(Topo.C("a", "b"), Topo.C("b", "c"), Topo.C("c", "a"));

        var fromC = evaluator.Evaluate(Own(("c", HealthStatus.Critical)));
        var fromA = evaluator.Evaluate(Own(("a", HealthStatus.Critical)));

        Assert.Equal(HealthStatus.Critical, fromC.StatusOf("a"));
        Assert.Equal(["c", "b", "a"], Assert.Single(fromC.Get("a").RootCauses).Path);
        Assert.Equal(HealthStatus.Ok, fromA.StatusOf("c"));
        Assert.Equal(HealthStatus.Ok, fromA.StatusOf("b"));
    }

    [Fact]
    public void Evaluate_SelfLoop_Terminates()
    {
        var evaluation = Evaluator(Topo.C("a", "a")).Evaluate(Own(("a", HealthStatus.Minor)));

        Assert.Equal(HealthStatus.Minor, evaluation.StatusOf("a"));
    }

    [Fact]
    public void Evaluate_DependencyInMaintenance_NoImpact()
    {
        var evaluator = Evaluator(Topo.C("api", "db"), Topo.C("db"));

        var evaluation = evaluator.Evaluate(Own(("db", HealthStatus.Critical)), new HashSet<string> { "db" });

        Assert.Equal(HealthStatus.Critical, evaluation.StatusOf("db"));
        Assert.Equal(HealthStatus.Ok, evaluation.StatusOf("api"));
    }

    [Fact]
    public void Evaluate_RedundantPair_OneDownIsOk()
    {
        var evaluator = Evaluator(Topo.C("lb", Topo.Rule(RuleKind.AtLeast, 1), new Relation("web1"), new Relation("web2")),
            Topo.C("web1"), Topo.C("web2"));

        Assert.Equal(HealthStatus.Ok, evaluator.Evaluate(Own(("web1", HealthStatus.Critical))).StatusOf("lb"));
        var both = evaluator.Evaluate(Own(("web1", HealthStatus.Critical), ("web2", HealthStatus.Major))).Get("lb");
        Assert.Equal(HealthStatus.Major, both.Status);
        Assert.Equal(["web1", "web2"], both.RootCauses.Select(r => r.Id));
    }

    [Fact]
    public void Evaluate_UnknownLeaf_UnknownWithoutImpactingDependents()
    {
        var evaluator = Evaluator(Topo.C("api", "db", "cache"), Topo.C("db"), Topo.C("cache"));

        var evaluation = evaluator.Evaluate(Own(("db", HealthStatus.Unknown)));

        Assert.Equal(HealthStatus.Unknown, evaluation.StatusOf("db"));
        Assert.Equal(HealthStatus.Ok, evaluation.StatusOf("api"));
    }

    [Fact]
    public void Evaluate_EveryDependencyUnknown_DependentWithoutDataUnknown()
    {
        var evaluator = Evaluator(Topo.C("api", "db"), Topo.C("db"));

        var evaluation = evaluator.Evaluate(Own(("db", HealthStatus.Unknown), ("api", HealthStatus.Unknown)));

        Assert.Equal(HealthStatus.Unknown, evaluation.StatusOf("api"));
        Assert.Empty(evaluation.Get("api").RootCauses);
    }

    [Fact]
    public void Evaluate_AdditionalRule_RootCausesAreTheCountedDependencies()
    {
        // Critical when at least 2 dependencies are Minor or worse; the main rule (Best) stays Ok.
        var rule = Topo.Rule(RuleKind.Best, 0,
            new AdditionalRule(HealthStatus.Critical, ThresholdComparison.AtLeast, ThresholdMeasure.Count, 2, HealthStatus.Minor));
        var evaluator = Evaluator(Topo.C("svc", rule, new Relation("a"), new Relation("b"), new Relation("c")),
            Topo.C("a"), Topo.C("b"), Topo.C("c"));

        var svc = evaluator.Evaluate(Own(("a", HealthStatus.Minor), ("b", HealthStatus.Major), ("c", HealthStatus.Warning))).Get("svc");

        Assert.Equal(HealthStatus.Critical, svc.Status);
        Assert.Equal(["b", "a"], svc.RootCauses.Select(r => r.Id));
    }

    [Fact]
    public void WhatIf_Assumption_ListsOnlyChangedComponentsAndMutatesNothing()
    {
        var evaluator = Evaluator(Topo.C("web", "api"), Topo.C("api", "db"), Topo.C("db"), Topo.C("other"));
        var current = evaluator.Evaluate(Own());

        var changes = evaluator.WhatIf(current, Own(("db", HealthStatus.Critical)));

        Assert.Equal(["api", "db", "web"], changes.Select(c => c.Id));
        Assert.All(changes, c => Assert.Equal((HealthStatus.Ok, HealthStatus.Critical), (c.Before, c.After)));
        Assert.Equal(["db", "api", "web"], Assert.Single(changes.Single(c => c.Id == "web").RootCauses).Path);
        Assert.Equal(HealthStatus.Ok, current.StatusOf("web"));
    }

    [Fact]
    public void WhatIf_FromOwnStatuses_RecoveryIsAChangeToo()
    {
        var evaluator = Evaluator(Topo.C("api", "db"), Topo.C("db"));

        var changes = evaluator.WhatIf(Own(("db", HealthStatus.Major)), Own(("db", HealthStatus.Ok)));

        Assert.Equal([("api", HealthStatus.Major, HealthStatus.Ok), ("db", HealthStatus.Major, HealthStatus.Ok)],
            changes.Select(c => (c.Id, c.Before, c.After)));
        Assert.All(changes, c => Assert.Empty(c.RootCauses));
    }

    [Fact]
    public void SinglePointsOfFailure_RedundantPairAndSoftRelation_ListsWhatEachCauses()
    {
        var evaluator = Evaluator(
            Topo.C("shop", null, new Relation("lb"), new Relation("db"), new Relation("search", RelationImpact.Soft)),
            Topo.C("lb", Topo.Rule(RuleKind.AtLeast, 1), new Relation("web1"), new Relation("web2")),
            Topo.C("web1"), Topo.C("web2"), Topo.C("db", "disk"), Topo.C("disk"), Topo.C("search"), Topo.C("unrelated"));

        var found = evaluator.SinglePointsOfFailure("shop");

        Assert.Equal([("db", HealthStatus.Critical), ("disk", HealthStatus.Critical), ("lb", HealthStatus.Critical),
            ("search", HealthStatus.Warning)], found.Select(f => (f.Id, f.ServiceStatus)));
    }

    [Fact]
    public void RankBlastRadius_TwoRootCauses_MoreServicesWeightedByStatusFirst()
    {
        var evaluator = Evaluator(Topo.C("shop", "db"), Topo.C("billing", "db", "queue"), Topo.C("news", "queue"),
            Topo.C("db").Kind("database"), Topo.C("queue").Kind("queue"));

        var ranking = evaluator.RankBlastRadius(evaluator.Evaluate(Own(("db", HealthStatus.Critical), ("queue", HealthStatus.Warning))));

        Assert.Equal([("db", 2, 8), ("queue", 1, 1)], ranking.Select(r => (r.Id, r.Services, r.Score)));
    }

    private static ImpactEvaluator Evaluator(params ComponentDefinition[] components) => new(ImpactGraph.Compile(components));

    private static Dictionary<string, HealthStatus> Own(params (string Id, HealthStatus Status)[] statuses) =>
        statuses.ToDictionary(s => s.Id, s => s.Status);
}
