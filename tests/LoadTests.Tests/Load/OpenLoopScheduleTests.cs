using ImpactMesh.LoadTests.Load;

namespace ImpactMesh.LoadTests.Tests.Load;

public sealed class OpenLoopScheduleTests
{
    [Fact]
    public void IntendedOffset_ThousandSamplesPerSecondInBatchesOfTen_EveryTenMilliseconds()
    {
        var schedule = new OpenLoopSchedule(1_000, 10);

        Assert.Equal(TimeSpan.Zero, schedule.IntendedOffset(0));
        Assert.Equal(TimeSpan.FromMilliseconds(10), schedule.IntendedOffset(1));
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.IntendedOffset(100));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(995, 100)]
    public void DueBy_Elapsed_CountsBatchesWhoseTimeHasCome(double elapsedMs, long expected)
    {
        var schedule = new OpenLoopSchedule(1_000, 10);

        Assert.Equal(expected, schedule.DueBy(TimeSpan.FromMilliseconds(elapsedMs)));
    }

    [Fact]
    public void BatchesIn_OneSecondRun_IssuesTheTargetRate()
    {
        var schedule = new OpenLoopSchedule(2_500_000, 100);

        Assert.Equal(25_000, schedule.BatchesIn(TimeSpan.FromSeconds(1)));
        Assert.Equal(25_000 * 100, schedule.BatchesIn(TimeSpan.FromSeconds(1)) * schedule.BatchSize);
    }

    [Fact]
    public void DueBy_AtEveryIntendedOffset_IncludesThatBatch()
    {
        var schedule = new OpenLoopSchedule(333_333, 7);

        for (long k = 0; k < 10_000; k += 37)
        {
            Assert.Equal(k + 1, schedule.DueBy(schedule.IntendedOffset(k)));
        }
    }

    [Fact]
    public void Constructor_ZeroRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenLoopSchedule(0, 10));
    }
}
