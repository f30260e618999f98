using System.Diagnostics;
using ImpactMesh.LoadTests.Realtime;

namespace ImpactMesh.LoadTests.Tests.Realtime;

public sealed class StormFiguresTests
{
    private const long Start = 1_000_000;

    private static long At(double ms) => Start + (long)(ms / 1000 * Stopwatch.Frequency);

    [Fact]
    public void From_MessagesUntilAllSeen_CountsOnlyThoseWithStatusesInTheWindow()
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

        var figures = StormFigures.From(40, 2_000, Start, At(20), At(500), messages);

        Assert.Equal((40, 2_000, 20.0, 500.0), (figures.Failed, figures.Affected, figures.SendMs, figures.AllSeenMs));
        Assert.Equal(3, figures.Messages);
        Assert.Equal(6.0, figures.MessagesPerSecond);
        Assert.Equal(666.7, figures.StatusesPerMessage);
        Assert.Equal((1_000, 90_000, 170_000L), (figures.MaxStatusesPerMessage, figures.MaxMessageBytes, figures.TotalBytes));
    }

    [Fact]
    public void From_NeverAllSeen_RateIsNaNAndEveryLaterMessageCounts()
    {
        var figures = StormFigures.From(1, 10, Start, At(1), null, [new(At(100), 4, 400), new(At(5_000), 2, 200)]);

        Assert.True(double.IsNaN(figures.AllSeenMs) && double.IsNaN(figures.MessagesPerSecond));
        Assert.Equal((2, 3.0), (figures.Messages, figures.StatusesPerMessage));
    }
}
