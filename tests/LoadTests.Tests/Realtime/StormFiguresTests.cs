using ImpactMesh.LoadTests.Realtime;

namespace ImpactMesh.LoadTests.Tests.Realtime;

public sealed class StormFiguresTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double ms) => Start.AddMilliseconds(ms);

    [Fact]
    public void From_AllSeen_CountsOnlyMessagesWithStatusesInTheWindow()
    {
        DeltaMessage[] messages =
        [
            new(At(-5), 3, 300),      // before the storm
            new(At(100), 1_000, 90_000),
            new(At(250), 600, 50_000),
            new(At(300), 0, 120),     // alerts only
            new(At(400), 400, 30_000),
            new(At(900), 7, 700),     // after everything was seen
        ];

        var figures = StormFigures.From(40, 4, Start, At(20), At(500), allSeen: true, [At(100), At(250), At(400), At(500)], messages);

        Assert.Equal((40, 4, 20.0, 500.0), (figures.Failed, figures.Affected, figures.SendMs, figures.AllSeenMs));
        Assert.Equal((4, 250.0, 500.0, 500.0), (figures.Seen, figures.SeenP50Ms, figures.SeenP90Ms, figures.SeenP99Ms));
        Assert.Equal(3, figures.Messages);
        Assert.Equal(6.0, figures.MessagesPerSecond);
        Assert.Equal(666.7, figures.StatusesPerMessage);
        Assert.Equal((1_000, 90_000, 170_000L), (figures.MaxStatusesPerMessage, figures.MaxMessageBytes, figures.TotalBytes));
    }

    [Fact]
    public void From_NotAllSeen_AllSeenIsNaNAndTheRateIsOverTheWait()
    {
        var figures = StormFigures.From(1, 10, Start, At(1), At(2_000), allSeen: false, [At(100)], [new(At(100), 4, 400), new(At(1_500), 2, 200)]);

        Assert.True(double.IsNaN(figures.AllSeenMs));
        Assert.Equal((1, 100.0), (figures.Seen, figures.SeenP99Ms));
        Assert.Equal((2, 1.0, 3.0), (figures.Messages, figures.MessagesPerSecond, figures.StatusesPerMessage));
    }

    [Fact]
    public void From_NothingSeen_PercentilesAreNaN()
    {
        var figures = StormFigures.From(1, 10, Start, At(1), At(1_000), allSeen: false, [], []);

        Assert.True(double.IsNaN(figures.SeenP50Ms));
        Assert.Equal((0, 0, 0.0), (figures.Seen, figures.Messages, figures.MessagesPerSecond));
    }
}
