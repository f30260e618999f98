using ImpactMesh.LoadTests.Load;

namespace ImpactMesh.LoadTests.Tests.Load;

public sealed class RampSearchTests
{
    /// <summary>A system that sustains any rate up to <paramref name="capacity"/> and no more.</summary>
    private static RampSearch Run(double capacity, double start = 100, int maxSteps = 20)
    {
        var search = new RampSearch(start, 2, p99BoundMs: 100, maxSteps, precision: 0.05);
        while (search.Next() is { } rate)
        {
            var ok = rate <= capacity;
            search.Record(rate, ok ? rate : capacity, ok ? 10 : 500, 0);
        }

        return search;
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(777)]
    [InlineData(150)]
    public void Next_SystemWithCapacity_FindsRateWithinPrecisionBelowIt(double capacity)
    {
        var search = Run(capacity);

        Assert.NotNull(search.Sustainable);
        Assert.True(search.Sustainable <= capacity);
        Assert.True(search.Sustainable >= capacity * 0.95 - 1, $"found {search.Sustainable} for capacity {capacity}");
    }

    [Fact]
    public void Next_FirstStepFails_StepsDown()
    {
        var search = Run(30, start: 100);

        Assert.Equal(100, search.Steps[0].TargetRate);
        Assert.Equal(50, search.Steps[1].TargetRate);
        Assert.NotNull(search.Sustainable);
        Assert.True(search.Sustainable <= 30);
    }

    [Fact]
    public void Next_StepBudgetSpent_Stops()
    {
        var search = Run(1e12, maxSteps: 4);

        Assert.Equal(4, search.Steps.Count);
        Assert.Equal(800, search.Sustainable);
    }

    [Fact]
    public void Record_AchievedBelowTarget_NotSustained()
    {
        var search = new RampSearch(100, 2, 100, 10);

        Assert.False(search.Record(1_000, 900, 10, 0));
        Assert.True(search.Record(1_000, 960, 10, 0));
    }

    [Fact]
    public void Record_ErrorsOrSlowP99_NotSustained()
    {
        var search = new RampSearch(100, 2, 100, 10);

        Assert.False(search.Record(1_000, 1_000, 10, 1));
        Assert.False(search.Record(1_000, 1_000, 101, 0));
        Assert.Null(search.Sustainable);
    }
}
