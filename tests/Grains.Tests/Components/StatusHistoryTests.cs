using ImpactMesh.Grains.Components;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.Tests.Components;

public sealed class StatusHistoryTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static StatusChange Change(double hours, HealthStatus status = HealthStatus.Critical) => new(Day1.AddHours(hours), status, status.ToString(), []);

    private static DateOnly Date(int day) => DateOnly.FromDateTime(Day1.UtcDateTime).AddDays(day);

    private static double[] Hours(IEnumerable<StatusChange> changes) => [.. changes.Select(c => (c.At - Day1).TotalHours)];

    [Fact]
    public void Add_ALateChange_GoesInTimeOrder_AndLastStaysTheNewest()
    {
        var history = new StatusHistory(new ComponentState());

        foreach (var hours in new[] { 1.0, 2, 4, 3 }) history.Add(Change(hours));

        Assert.Equal([1.0, 2, 3, 4], Hours(history.Unwritten));
        Assert.Equal(4, (history.Last!.At - Day1).TotalHours);
    }

    [Fact]
    public void Add_AFlappingComponent_KeepsEachReasonAndRootCauseListOnce_WithTheirValues()
    {
        var history = new StatusHistory(new ComponentState());

        for (var minute = 0; minute < 20; minute += 2)
        {
            // New string and array instances every time, as every evaluation makes them.
            history.Add(new StatusChange(Day1.AddMinutes(minute), HealthStatus.Critical, string.Concat("db-", "1 is Critical"), [string.Concat("db-", "1")]));
            history.Add(new StatusChange(Day1.AddMinutes(minute + 1), HealthStatus.Ok, string.Concat("O", "k"), []));
        }

        var failures = history.Unwritten.Where(c => c.Status == HealthStatus.Critical).ToList();
        Assert.Equal(10, failures.Count);
        Assert.All(failures, c => Assert.Same(failures[0].Reason, c.Reason));
        Assert.Single(failures.Select(c => c.RootCauses).Distinct());
        Assert.Equal(["db-1"], failures[^1].RootCauses);
        Assert.Equal("db-1 is Critical", failures[^1].Reason);
        Assert.All(history.Unwritten.Where(c => c.Status == HealthStatus.Ok), c => Assert.Equal("Ok", c.Reason));
        Assert.Equal(Enumerable.Range(0, 20).Select(m => m / 60.0), Hours(history.Unwritten));
    }

    [Fact]
    public void Written_RemovesWhatTheDayTook_KeepsWhatArrivedMeanwhile_AndListsTheDaysInOrder()
    {
        var state = new ComponentState();
        var history = new StatusHistory(state);
        foreach (var hours in new[] { 50.0, 1, 23, 30 }) history.Add(Change(hours));

        var days = history.UnwrittenByDay();
        history.Add(Change(31, HealthStatus.Ok));
        foreach (var (day, changes) in days.AsEnumerable().Reverse()) history.Written(day, changes);
        history.Written(days[0].Day, days[0].Changes);

        Assert.Equal([Day1, Day1.AddDays(1), Day1.AddDays(2)], days.Select(d => d.Day));
        Assert.Equal([[1.0, 23], [30.0], [50.0]], days.Select(d => Hours(d.Changes)));
        Assert.Equal([31.0], Hours(history.Unwritten));
        Assert.Equal([Date(0), Date(1), Date(2)], state.HistoryDays);
        Assert.Equal(50, (history.Last!.At - Day1).TotalHours);
    }

    [Fact]
    public void DaysFor_TheDaysInTheRange_AndTheNewestBefore_ForTheChangeInForce()
    {
        var state = new ComponentState { HistoryDays = [Date(0), Date(3), Date(5), Date(6)] };
        var history = new StatusHistory(state);

        Assert.Equal([Day1.AddDays(3), Day1.AddDays(5)], history.DaysFor(Day1.AddDays(4).AddHours(12), Day1.AddDays(6)));
        Assert.Equal([Day1.AddDays(3), Day1.AddDays(5), Day1.AddDays(6)], history.DaysFor(Day1.AddDays(5), Day1.AddDays(6).AddTicks(1)));
        Assert.Equal([Day1], history.DaysFor(Day1.AddHours(3), Day1.AddHours(4)));
        Assert.Empty(history.DaysFor(Day1.AddDays(-2), Day1.AddDays(-1)));
        Assert.Equal([Day1.AddDays(6), Day1.AddDays(5), Day1.AddDays(3), Day1], history.DaysNewestFirst());
    }

    [Fact]
    public void Between_MergesWhatDaysReturnedWithWhatIsHeld_OnceEach_FromTheChangeInForce()
    {
        var history = new StatusHistory(new ComponentState());
        var written = new[] { Change(1), Change(2, HealthStatus.Ok), Change(5) };
        history.Add(Change(5));
        history.Add(Change(6, HealthStatus.Ok));

        var between = history.Between(written, Day1.AddHours(3), Day1.AddHours(6));

        Assert.Equal([2.0, 5], Hours(between));
        Assert.Equal([1.0, 2, 5, 6], Hours(history.Between(written, Day1, Day1.AddDays(1))));
        Assert.Equal([5.0, 6], Hours(history.Newest(written, 2)));
        Assert.Equal([1.0, 2, 5, 6], Hours(history.Newest(written, 50)));
    }

    [Fact]
    public void Between_AfterEverythingWasWritten_TheLastChangeIsStillInForce()
    {
        var history = new StatusHistory(new ComponentState());
        history.Add(Change(1));
        foreach (var (day, changes) in history.UnwrittenByDay()) history.Written(day, changes);

        Assert.Equal([1.0], Hours(history.Between([], Day1.AddDays(2), Day1.AddDays(3))));
    }

    [Fact]
    public void Forget_DropsTheDaysPastTheRetention()
    {
        var state = new ComponentState { HistoryDays = [Date(0), Date(1), Date(2)] };
        var history = new StatusHistory(state);

        history.Forget(Day1.AddDays(IMetricHistoryGrain.RetentionDays + 1).AddHours(5));

        Assert.Equal([Date(2)], state.HistoryDays);
    }

    [Fact]
    public void New_StateFromBeforeHistoryGrains_TreatsItsTimelineAsUnwritten_WithItsNewestAsLast()
    {
        var state = new ComponentState { UnwrittenChanges = [Change(1), Change(2, HealthStatus.Ok)] };

        var history = new StatusHistory(state);

        Assert.Equal(2, (history.Last!.At - Day1).TotalHours);
        Assert.Equal([[1.0, 2]], history.UnwrittenByDay().Select(d => Hours(d.Changes)));
    }

    [Fact]
    public void MustWrite_OnceTheUnwrittenChangesReachTheBound()
    {
        var history = new StatusHistory(new ComponentState());
        for (var i = 0; i < StatusHistory.WriteAt - 1; i++) history.Add(Change(i / 60.0, i % 2 == 0 ? HealthStatus.Critical : HealthStatus.Ok));
        Assert.False(history.MustWrite);

        history.Add(Change(100));

        Assert.True(history.MustWrite);
    }
}
