using ImpactMesh.Grains.Impact;
using Microsoft.Extensions.Time.Testing;

namespace ImpactMesh.Grains.Tests.Impact;

public sealed class PropagationPriorityTests
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void WhenQuietAsync_NoPropagation_CompletesAtOnce()
    {
        var priority = new PropagationPriority(_time, LongestWait);

        Assert.True(priority.WhenQuietAsync().IsCompleted);
    }

    [Fact]
    public void WhenQuietAsync_AfterAStep_WaitsUntilNoStepForQuietAfter()
    {
        var priority = new PropagationPriority(_time, LongestWait);
        priority.Step();

        var first = priority.WhenQuietAsync();
        var second = priority.WhenQuietAsync();
        var waited = AdvanceUntil(first);

        Assert.InRange(waited, PropagationPriority.QuietAfter, PropagationPriority.QuietAfter + 2 * PropagationPriority.PollEvery);
        Assert.True(second.IsCompleted);
        Assert.True(priority.WhenQuietAsync().IsCompleted);
    }

    [Fact]
    public void WhenQuietAsync_TheSiloStoodStill_QuietCountsOnlyRunningTime()
    {
        var priority = new PropagationPriority(_time, LongestWait);
        priority.Step();
        var waiting = priority.WhenQuietAsync();

        // A poll on time, then a 20 ms collection: no step meanwhile, yet propagation had no time to make any.
        _time.Advance(PropagationPriority.PollEvery);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.False(waiting.IsCompleted);

        // A caller that comes meanwhile joins the wait, though the last step is long ago.
        var joined = priority.WhenQuietAsync();
        var waited = AdvanceUntil(waiting);
        Assert.InRange(waited, PropagationPriority.QuietAfter, PropagationPriority.QuietAfter + 2 * PropagationPriority.PollEvery);
        Assert.True(joined.IsCompleted);
    }

    [Fact]
    public void WhenQuietAsync_PropagationGoesOn_ReleasedAfterTheLongestWait()
    {
        var priority = new PropagationPriority(_time, LongestWait);
        priority.Step();
        var waiting = priority.WhenQuietAsync();

        for (var elapsed = TimeSpan.Zero; elapsed < LongestWait - PropagationPriority.PollEvery; elapsed += PropagationPriority.PollEvery)
        {
            _time.Advance(PropagationPriority.PollEvery);
            priority.Step();
        }

        Assert.False(waiting.IsCompleted);
        _time.Advance(PropagationPriority.PollEvery);
        Assert.True(waiting.IsCompleted);

        // Still busy: the next caller waits again, from its own start.
        Assert.False(priority.WhenQuietAsync().IsCompleted);
    }

    [Fact]
    public void WhenQuietAsync_NoLongestWait_NeverWaits()
    {
        var priority = new PropagationPriority(_time, TimeSpan.Zero);
        priority.Step();

        Assert.True(priority.WhenQuietAsync().IsCompleted);
    }

    private TimeSpan AdvanceUntil(Task task)
    {
        var waited = TimeSpan.Zero;
        while (!task.IsCompleted && waited < TimeSpan.FromSeconds(1))
        {
            _time.Advance(PropagationPriority.PollEvery);
            waited += PropagationPriority.PollEvery;
        }

        return waited;
    }
}
