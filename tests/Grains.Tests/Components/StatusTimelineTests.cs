using ImpactMesh.Grains.Components;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Tests.Components;

public sealed class StatusTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static StatusChange Change(int minute, HealthStatus status = HealthStatus.Critical) => new(T0.AddMinutes(minute), status, "", []);

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldest_AndALateChangeGoesInTimeOrder()
    {
        var timeline = new StatusTimeline([], capacity: 3);

        foreach (var minute in new[] { 1, 2, 4, 5, 3 }) timeline.Add(Change(minute));

        Assert.Equal([3, 4, 5], timeline.Changes.Select(c => (int)(c.At - T0).TotalMinutes));
    }

    [Fact]
    public void Capacity_Lowered_DropsTheOldestAtOnce_AndKeepsTheNewBound()
    {
        var timeline = new StatusTimeline([.. Enumerable.Range(0, 10).Select(m => Change(m))]);

        timeline.Capacity = 4;
        timeline.Add(Change(10, HealthStatus.Ok));

        Assert.Equal([7, 8, 9, 10], timeline.Changes.Select(c => (int)(c.At - T0).TotalMinutes));
        Assert.Throws<ArgumentOutOfRangeException>(() => timeline.Capacity = 0);
    }

    [Fact]
    public void Add_AFlappingComponent_KeepsEachReasonAndRootCauseListOnce_WithTheirValues()
    {
        var timeline = new StatusTimeline([]);

        for (var minute = 0; minute < 20; minute += 2)
        {
            // New string and array instances every time, as every evaluation makes them.
            timeline.Add(new StatusChange(T0.AddMinutes(minute), HealthStatus.Critical, string.Concat("db-", "1 is Critical"), [string.Concat("db-", "1")]));
            timeline.Add(new StatusChange(T0.AddMinutes(minute + 1), HealthStatus.Ok, string.Concat("O", "k"), []));
        }

        var failures = timeline.Changes.Where(c => c.Status == HealthStatus.Critical).ToList();
        Assert.Equal(10, failures.Count);
        Assert.All(failures, c => Assert.Same(failures[0].Reason, c.Reason));
        Assert.All(failures, c => Assert.Equal(["db-1"], c.RootCauses));
        Assert.Single(failures.Select(c => c.RootCauses).Distinct());
        Assert.Equal("db-1 is Critical", failures[^1].Reason);
        Assert.All(timeline.Changes.Where(c => c.Status == HealthStatus.Ok), c => Assert.Equal("Ok", c.Reason));
        Assert.Equal(Enumerable.Range(0, 20), timeline.Changes.Select(c => (int)(c.At - T0).TotalMinutes));
    }
}
