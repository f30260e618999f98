using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class TargetProposerTests
{
    [Theory]
    [InlineData(99.93, 99.8, 99.5)]
    [InlineData(99.99, 99.9, 99.8)]
    [InlineData(100, 99.95, 99.9)]
    [InlineData(99.2, 99, 98)]
    [InlineData(80, 79, 74)]
    public void Propose_Availability_RoundsDownToCommonFigureAfterMargin(double achieved, double target, double minimum)
    {
        Assert.Equal((target, minimum), TargetProposer.Propose(Availability(), achieved));
    }

    [Fact]
    public void Propose_ResponseTime_RoundsUpToCommonFigureAfterMargin()
    {
        // 230 ms + 20 % = 276 ms -> 300 ms, minimum 400 ms.
        Assert.Equal((300.0, 400.0), TargetProposer.Propose(ResponseTime(), 230));
    }

    [Fact]
    public void Apply_BaselineResults_SetsTargetsFromTheSlaWideFigures()
    {
        var sla = Definition(slos: [Availability(90, 80), ResponseTime(95, 1000, 2000)]);
        SloResult[] baseline =
        [
            new("availability", SloKind.Availability, null, Span(Utc(2026, 6, 1), Utc(2026, 7, 1)), 99.62, 90, 80, SloOutcome.Met, "%", 0, 0, 0, 0, 0, 0, ErrorBudget.None, 0, []),
            new("latency", SloKind.ResponseTime, null, Span(Utc(2026, 6, 1), Utc(2026, 7, 1)), 410, 1000, 2000, SloOutcome.Met, "ms", 0, 0, 0, 0, 0, 0, ErrorBudget.None, 0, []),
        ];

        var proposed = TargetProposer.Apply(sla, baseline);

        Assert.Equal([(99.5, 99.0), (500.0, 750.0)], proposed.Slos.Select(s => (s.Target, s.Minimum)));
    }
}
