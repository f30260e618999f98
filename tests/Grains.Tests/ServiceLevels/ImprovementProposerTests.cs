using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class ImprovementProposerTests
{
    private static readonly TimeInterval June = Span(Utc(2026, 6, 1), Utc(2026, 7, 1));

    private static SloResult Result(SloOutcome outcome, params DowntimeInterval[] downtimes) =>
        new("availability", SloKind.Availability, null, June, 99.2, 99.9, 99.5, outcome, "%", 43200, 43200, 0, 0, 100, 0, ErrorBudget.None, 0, [.. downtimes]);

    private static DowntimeInterval Down(double minutes, params string[] causes) =>
        new(Utc(2026, 6, 2), Utc(2026, 6, 2).AddMinutes(minutes), HealthStatus.Critical, 1, minutes, 0, "down", [.. causes], null);

    [Fact]
    public void Propose_Breached_RanksRootCausesBySharedDowntimeAndDueInTwoWeeks()
    {
        var p = ImprovementProposer.Propose("sla-1", Result(SloOutcome.Breached, Down(60, "db"), Down(30, "db", "network"), Down(10)), TimeZoneInfo.Utc, "2026-06");

        Assert.NotNull(p);
        Assert.Equal(["db", "network", RootCauseRanking.Unattributed], p.RootCauses.Select(c => c.RootCause));
        Assert.Equal([75.0, 15.0, 10.0], p.RootCauses.Select(c => c.Minutes));
        Assert.Equal([75.0, 15.0, 10.0], p.RootCauses.Select(c => c.Percent));
        Assert.Equal(new DateOnly(2026, 7, 14), p.DueDate);
        Assert.Contains("breached in 2026-06", p.Title, StringComparison.Ordinal);
        Assert.Contains("db (75 min, 75%)", p.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_Missed_IsDueInThirtyDaysAndMetGivesNothing()
    {
        Assert.Equal(new DateOnly(2026, 7, 30), ImprovementProposer.Propose("sla-1", Result(SloOutcome.Missed), TimeZoneInfo.Utc, "2026-06")!.DueDate);
        Assert.Null(ImprovementProposer.Propose("sla-1", Result(SloOutcome.Met), TimeZoneInfo.Utc, "2026-06"));
    }
}
