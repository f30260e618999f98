using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using static ImpactMesh.Grains.Interfaces.Health.HealthStatus;

namespace ImpactMesh.Grains.Tests.Impact;

public sealed class StatusRuleEvaluatorTests
{
    [Fact]
    public void Evaluate_NullRule_IsWorst()
    {
        Assert.Equal(Major, Evaluate(null, Ok, Major, Warning).Status);
    }

    [Fact]
    public void Evaluate_Best_LeastSevere()
    {
        Assert.Equal(Warning, Evaluate(Topo.Rule(RuleKind.Best), Critical, Warning, Major).Status);
        Assert.Equal(Ok, Evaluate(Topo.Rule(RuleKind.Best), Critical, Ok).Status);
    }

    [Fact]
    public void Evaluate_None_OkWhateverTheDependencies()
    {
        Assert.Equal(Ok, Evaluate(Topo.Rule(RuleKind.None), Critical, Critical).Status);
        Assert.Equal(Ok, Evaluate(Topo.Rule(RuleKind.None), Unknown).Status);
    }

    [Theory]
    [InlineData(1, Ok)]
    [InlineData(2, Major)]
    [InlineData(3, Critical)]
    public void Evaluate_AtLeast_WorstAmongBestN(int n, HealthStatus expected)
    {
        Assert.Equal(expected, Evaluate(Topo.Rule(RuleKind.AtLeast, n), Critical, Ok, Major).Status);
    }

    [Fact]
    public void Evaluate_AtLeastMoreThanExist_IsWorst()
    {
        Assert.Equal(Minor, Evaluate(Topo.Rule(RuleKind.AtLeast, 5), Ok, Minor).Status);
    }

    [Fact]
    public void Evaluate_AtLeastZero_CountsAsOne()
    {
        Assert.Equal(Warning, Evaluate(Topo.Rule(RuleKind.AtLeast, 0), Critical, Warning).Status);
    }

    [Fact]
    public void Evaluate_NoDependencies_Ok()
    {
        Assert.Equal(Ok, Evaluate(null).Status);
        Assert.Equal(Ok, Evaluate(Topo.Rule(RuleKind.Best)).Status);
    }

    [Fact]
    public void Evaluate_UnknownAmongKnown_IsNoInformation()
    {
        Assert.Equal(Warning, Evaluate(null, Unknown, Warning).Status);
        Assert.Equal(Ok, Evaluate(Topo.Rule(RuleKind.Best), Unknown, Ok, Critical).Status);
        Assert.Equal(Critical, Evaluate(Topo.Rule(RuleKind.AtLeast, 2), Unknown, Ok, Critical).Status);
    }

    [Fact]
    public void Evaluate_EveryDependencyUnknown_Unknown()
    {
        Assert.Equal(Unknown, Evaluate(null, Unknown, Unknown).Status);
        Assert.Equal(Unknown, Evaluate(Topo.Rule(RuleKind.AtLeast, 1), Unknown).Status);
    }

    [Fact]
    public void Evaluate_AdditionalAtLeastCount_FiresAtThreshold()
    {
        var rule = Topo.Rule(RuleKind.Best, 0, Additional(Critical, ThresholdComparison.AtLeast, ThresholdMeasure.Count, 2, Major));

        Assert.Equal(Critical, Evaluate(rule, Major, Critical, Ok).Status);
        Assert.Equal(Ok, Evaluate(rule, Major, Ok, Ok).Status);
    }

    [Fact]
    public void Evaluate_AdditionalAtLeastPercent_OfAllCountedIncludingUnknown()
    {
        var rule = Topo.Rule(RuleKind.None, 0, Additional(Major, ThresholdComparison.AtLeast, ThresholdMeasure.Percent, 50, Warning));

        Assert.Equal(Major, Evaluate(rule, Warning, Ok).Status);
        Assert.Equal(Ok, Evaluate(rule, Warning, Ok, Unknown).Status);
    }

    [Fact]
    public void Evaluate_AdditionalWeight_SumsRelationWeights()
    {
        var rule = Topo.Rule(RuleKind.None, 0, Additional(Critical, ThresholdComparison.AtLeast, ThresholdMeasure.Weight, 10, Minor));

        Assert.Equal(Critical, StatusRuleEvaluator.Evaluate(rule, [Minor, Ok], [10, 1]).Status);
        Assert.Equal(Ok, StatusRuleEvaluator.Evaluate(rule, [Minor, Ok], [9, 1]).Status);
    }

    [Fact]
    public void Evaluate_AdditionalWeightPercent_OfTotalWeight()
    {
        var rule = Topo.Rule(RuleKind.None, 0, Additional(Minor, ThresholdComparison.AtLeast, ThresholdMeasure.WeightPercent, 75, Warning));

        Assert.Equal(Minor, StatusRuleEvaluator.Evaluate(rule, [Warning, Ok], [3, 1]).Status);
        Assert.Equal(Ok, StatusRuleEvaluator.Evaluate(rule, [Warning, Ok], [2, 1]).Status);
    }

    [Fact]
    public void Evaluate_AdditionalLessThan_FiresWhenTooFewHealthy()
    {
        // "Critical when less than 2 dependencies are Ok": two of three web servers must be up.
        var rule = Topo.Rule(RuleKind.None, 0, Additional(Critical, ThresholdComparison.LessThan, ThresholdMeasure.Count, 2, Ok));

        Assert.Equal(Critical, Evaluate(rule, Ok, Major, Warning).Status);
        Assert.Equal(Ok, Evaluate(rule, Ok, Ok, Warning).Status);
    }

    [Fact]
    public void Evaluate_AdditionalLessThan_UnknownIsNotHealthy()
    {
        var rule = Topo.Rule(RuleKind.None, 0, Additional(Major, ThresholdComparison.LessThan, ThresholdMeasure.Count, 2, Ok));

        Assert.Equal(Major, Evaluate(rule, Ok, Unknown).Status);
    }

    [Fact]
    public void Evaluate_AdditionalRulesWithoutDependencies_DoNotFire()
    {
        var rule = Topo.Rule(RuleKind.Worst, 0, Additional(Critical, ThresholdComparison.LessThan, ThresholdMeasure.Count, 1, Ok));

        Assert.Equal(Ok, Evaluate(rule).Status);
    }

    [Fact]
    public void Evaluate_SeveralRulesFire_MostSevereWins()
    {
        var rule = Topo.Rule(RuleKind.Worst, 0,
            Additional(Major, ThresholdComparison.AtLeast, ThresholdMeasure.Count, 1, Warning),
            Additional(Minor, ThresholdComparison.AtLeast, ThresholdMeasure.Count, 1, Warning));

        var outcome = Evaluate(rule, Warning, Ok);

        Assert.Equal(Major, outcome.Status);
        Assert.Equal(Warning, outcome.Main);
    }

    [Fact]
    public void Evaluate_AdditionalOnUnknownMain_KnownStatusWins()
    {
        var rule = Topo.Rule(RuleKind.Worst, 0, Additional(Minor, ThresholdComparison.LessThan, ThresholdMeasure.Percent, 50, Ok));

        Assert.Equal(Minor, Evaluate(rule, Unknown, Unknown).Status);
    }

    [Fact]
    public void Evaluate_DefaultAdditionalArray_TreatedAsNone()
    {
        var rule = new StatusRule(RuleKind.Worst, 0, default);

        Assert.Equal(Minor, Evaluate(rule, Minor).Status);
        Assert.Equal("1 of 1 dependency Minor (worst)", StatusRuleEvaluator.Describe(rule, [Minor], [1]));
    }

    [Fact]
    public void IsDriving_Worst_OnlyDependenciesAtTheDerivedStatus()
    {
        var outcome = Evaluate(null, Major, Warning, Major);

        Assert.True(outcome.IsDriving(Major));
        Assert.False(outcome.IsDriving(Warning));
    }

    [Fact]
    public void IsDriving_AtLeast_DependenciesAtOrWorseThanDerived()
    {
        var outcome = Evaluate(Topo.Rule(RuleKind.AtLeast, 2), Critical, Major, Ok);

        Assert.Equal(Major, outcome.Status);
        Assert.True(outcome.IsDriving(Critical));
        Assert.True(outcome.IsDriving(Major));
        Assert.False(outcome.IsDriving(Ok));
    }

    [Fact]
    public void IsDriving_LessThanRule_DependenciesWorseThanItsStatus()
    {
        var rule = Topo.Rule(RuleKind.None, 0, Additional(Critical, ThresholdComparison.LessThan, ThresholdMeasure.Count, 2, Warning));

        var outcome = Evaluate(rule, Warning, Minor, Major);

        Assert.Equal(Critical, outcome.Status);
        Assert.False(outcome.IsDriving(Warning));
        Assert.True(outcome.IsDriving(Minor));
    }

    [Fact]
    public void IsDriving_OkOutcome_Nothing()
    {
        Assert.False(Evaluate(Topo.Rule(RuleKind.Best), Critical, Ok).IsDriving(Critical));
    }

    [Fact]
    public void Describe_AtLeast_CountsDependencies()
    {
        var text = StatusRuleEvaluator.Describe(Topo.Rule(RuleKind.AtLeast, 2), [Critical, Critical, Ok], [1, 1, 1]);

        Assert.Equal("2 of 3 dependencies Critical (atLeast 2)", text);
    }

    [Fact]
    public void Describe_AdditionalRule_NamesTheRule()
    {
        var rule = Topo.Rule(RuleKind.None, 0, Additional(Major, ThresholdComparison.AtLeast, ThresholdMeasure.Percent, 50, Minor));

        var text = StatusRuleEvaluator.Describe(rule, [Minor, Ok], [1, 1]);

        Assert.Equal("1 of 2 dependencies Minor or worse (additional: Major when at least 50% of dependencies Minor or worse)", text);
    }

    [Fact]
    public void Describe_Worst_NamesCountAndStatus()
    {
        Assert.Equal("1 of 2 dependencies Major (worst)", StatusRuleEvaluator.Describe(null, [Major, Ok], [1, 1]));
        Assert.Equal("the only dependency is Unknown", StatusRuleEvaluator.Describe(null, [Unknown], [1]));
        Assert.Equal("all 2 dependencies Unknown", StatusRuleEvaluator.Describe(null, [Unknown, Unknown], [1, 1]));
    }

    private static RuleOutcome Evaluate(StatusRule? rule, params HealthStatus[] passed) =>
        StatusRuleEvaluator.Evaluate(rule, passed, [.. passed.Select(_ => 1)]);

    private static AdditionalRule Additional(HealthStatus set, ThresholdComparison comparison, ThresholdMeasure measure,
        double threshold, HealthStatus status) => new(set, comparison, measure, threshold, status);
}
