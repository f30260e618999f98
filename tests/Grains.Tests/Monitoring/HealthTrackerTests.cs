using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.Grains.Tests.Monitoring;

public sealed class HealthTrackerTests
{
    [Fact]
    public void Update_FirstSample_LeavesUnknownForOk()
    {
        var tracker = new HealthTracker(3, 5);

        Assert.Equal(HealthStatus.Unknown, tracker.Status);
        Assert.True(tracker.Update(10, HealthStatus.Ok));
        Assert.Equal((HealthStatus.Ok, 10L), (tracker.Status, tracker.SinceTicks));
    }

    [Fact]
    public void Update_RaiseAfterConsecutiveBreaches_RaisesSinceFirstBreach()
    {
        var tracker = new HealthTracker(3, 5);
        tracker.Update(1, HealthStatus.Ok);

        Assert.False(tracker.Update(2, HealthStatus.Major));
        Assert.False(tracker.Update(3, HealthStatus.Critical));
        Assert.True(tracker.Update(4, HealthStatus.Major));

        Assert.Equal((HealthStatus.Major, 2L), (tracker.Status, tracker.SinceTicks));
    }

    [Fact]
    public void Update_AlternatingBreaches_DoesNotFlap()
    {
        var tracker = new HealthTracker(3, 5);
        var changes = 0;
        for (var i = 0; i < 100; i++)
        {
            if (tracker.Update(i, i % 2 == 0 ? HealthStatus.Critical : HealthStatus.Ok)) changes++;
        }

        Assert.Equal(1, changes); // Unknown -> Ok only
        Assert.Equal(HealthStatus.Ok, tracker.Status);
    }

    [Fact]
    public void Update_ClearAfterCleanSamples_ReturnsToOk()
    {
        var tracker = new HealthTracker(2, 3);
        tracker.Update(0, HealthStatus.Minor);
        tracker.Update(1, HealthStatus.Minor);
        Assert.Equal(HealthStatus.Minor, tracker.Status);

        Assert.False(tracker.Update(2, HealthStatus.Ok));
        Assert.False(tracker.Update(3, HealthStatus.Minor));
        Assert.False(tracker.Update(4, HealthStatus.Ok));
        Assert.False(tracker.Update(5, HealthStatus.Ok));
        Assert.True(tracker.Update(6, HealthStatus.Ok));

        Assert.Equal((HealthStatus.Ok, 6L), (tracker.Status, tracker.SinceTicks));
    }

    [Fact]
    public void Update_SustainedLowerSeverity_DeescalatesToIt()
    {
        var tracker = new HealthTracker(2, 2);
        tracker.Update(0, HealthStatus.Critical);
        tracker.Update(1, HealthStatus.Critical);

        tracker.Update(2, HealthStatus.Warning);
        tracker.Update(3, HealthStatus.Warning);

        Assert.Equal(HealthStatus.Warning, tracker.Status);
    }

    [Fact]
    public void MarkStale_KnownStatus_BecomesUnknownUntilNextSample()
    {
        var tracker = new HealthTracker(1, 1);
        tracker.Update(0, HealthStatus.Major);

        Assert.True(tracker.MarkStale(50));
        Assert.False(tracker.MarkStale(60));
        Assert.Equal((HealthStatus.Unknown, 50L, true), (tracker.Status, tracker.SinceTicks, tracker.IsStale));

        Assert.True(tracker.Update(70, HealthStatus.Ok));
        Assert.Equal(HealthStatus.Ok, tracker.Status);
    }
}
