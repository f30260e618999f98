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
}
