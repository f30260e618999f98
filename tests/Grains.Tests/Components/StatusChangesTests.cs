using ImpactMesh.Grains.Components;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Tests.Components;

public sealed class StatusChangesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static StatusChange Change(int minute, HealthStatus status, string reason = "") => new(T0.AddMinutes(minute), status, reason, []);

    [Fact]
    public void Insert_InTimeOrder_AfterThoseAtTheSameTime_AndNotTwice()
    {
        List<StatusChange> timeline = [];

        Assert.True(StatusChanges.Insert(timeline, Change(2, HealthStatus.Critical)));
        Assert.True(StatusChanges.Insert(timeline, Change(5, HealthStatus.Ok)));
        Assert.True(StatusChanges.Insert(timeline, Change(2, HealthStatus.Ok)));
        Assert.True(StatusChanges.Insert(timeline, Change(1, HealthStatus.Major)));
        Assert.True(StatusChanges.Insert(timeline, Change(2, HealthStatus.Ok, "another reason")));
        Assert.False(StatusChanges.Insert(timeline, Change(2, HealthStatus.Critical)));
        Assert.False(StatusChanges.Insert(timeline, Change(5, HealthStatus.Ok)));

        Assert.Equal(
            [(1, HealthStatus.Major, ""), (2, HealthStatus.Critical, ""), (2, HealthStatus.Ok, ""), (2, HealthStatus.Ok, "another reason"), (5, HealthStatus.Ok, "")],
            timeline.Select(c => ((int)(c.At - T0).TotalMinutes, c.Status, c.Reason)));
    }

    [Fact]
    public void Between_TheChangesInTheRange_PrecededByTheOneInForce()
    {
        List<StatusChange> timeline = [Change(1, HealthStatus.Major), Change(3, HealthStatus.Ok), Change(5, HealthStatus.Critical), Change(7, HealthStatus.Ok)];

        Assert.Equal([3, 5], StatusChanges.Between(timeline, T0.AddMinutes(4), T0.AddMinutes(7)).Select(c => (int)(c.At - T0).TotalMinutes));
        Assert.Equal([1, 3, 5], StatusChanges.Between(timeline, T0.AddMinutes(3), T0.AddMinutes(6)).Select(c => (int)(c.At - T0).TotalMinutes));
        Assert.Equal([1, 3], StatusChanges.Between(timeline, T0, T0.AddMinutes(4)).Select(c => (int)(c.At - T0).TotalMinutes));
        Assert.Equal([7], StatusChanges.Between(timeline, T0.AddHours(1), T0.AddHours(2)).Select(c => (int)(c.At - T0).TotalMinutes));
        Assert.Empty(StatusChanges.Between(timeline, T0.AddMinutes(-5), T0));
    }
}
