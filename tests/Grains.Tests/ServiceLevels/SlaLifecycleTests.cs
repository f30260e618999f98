using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using static ImpactMesh.Grains.Tests.ServiceLevels.SlaFixtures;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class SlaLifecycleTests
{
    private static readonly DateTimeOffset T0 = Utc(2026, 1, 5, 9);

    private static SlaLifecycle ActiveSince(DateTimeOffset activatedAt)
    {
        var l = new SlaLifecycle(Definition(), "alice", T0);
        Assert.Null(l.Transition(SlaState.Negotiation, "alice", T0.AddDays(1)));
        Assert.Null(l.Transition(SlaState.Agreed, "bob", T0.AddDays(2), "signed"));
        Assert.Null(l.Transition(SlaState.Baselining, "bob", T0.AddDays(3)));
        Assert.Null(l.Transition(SlaState.Active, "bob", activatedAt));
        return l;
    }

    [Fact]
    public void HasBeenActive_RetiredBeforeOrAfterActivation_OnlyAfterCounts()
    {
        var abandoned = new SlaLifecycle(Definition(), "alice", T0);
        Assert.Null(abandoned.Transition(SlaState.Retired, "alice", T0.AddDays(1)));
        var ended = ActiveSince(Utc(2026, 2, 1));
        Assert.True(ended.HasBeenActive);
        Assert.Null(ended.Transition(SlaState.Retired, "bob", Utc(2026, 6, 1)));

        Assert.False(abandoned.HasBeenActive);
        Assert.True(ended.HasBeenActive);
        Assert.True(new SlaLifecycle(ended.Versions, ended.Audit).HasBeenActive);
    }

    [Fact]
    public void Transition_FullLifecycle_IsAuditedAndActivationSetsEffectiveFrom()
    {
        var l = ActiveSince(Utc(2026, 2, 1));

        Assert.Equal(SlaState.Active, l.State);
        Assert.Equal(Utc(2026, 2, 1), Assert.Single(l.Versions).EffectiveFrom);
        Assert.Equal(["created", "state", "state", "state", "state"], l.Audit.Select(a => a.Action));
        Assert.Equal(["state: Negotiation -> Agreed", "note: signed"], l.Audit[2].Changes);
        Assert.Equal("bob", l.Audit[2].Who);
    }

    [Fact]
    public void Transition_NotAllowed_ReturnsErrorAndChangesNothing()
    {
        var l = new SlaLifecycle(Definition(), "alice", T0);

        var error = l.Transition(SlaState.Active, "alice", T0);

        Assert.Equal("cannot move from Draft to Active", error);
        Assert.Equal(SlaState.Draft, l.State);
        Assert.Single(l.Audit);
    }

    [Fact]
    public void Amend_BeforeActivation_ChangesTheVersionInPlace()
    {
        var l = new SlaLifecycle(Definition(), "alice", T0);

        Assert.Null(l.Amend(l.Current with { Customer = "ACME" }, "alice", T0.AddHours(1)));

        Assert.Single(l.Versions);
        Assert.Equal("ACME", l.Current.Customer);
        Assert.Equal(["customer: \"Test customer\" -> \"ACME\""], l.Audit[^1].Changes);
    }

    [Fact]
    public void Amend_Active_CreatesNewVersionAndReportsUseTheVersionInForce()
    {
        var l = ActiveSince(Utc(2026, 2, 1));
        var stricter = l.Current with { Slos = [Availability(99.95, 99.9)] };

        Assert.Null(l.Amend(stricter, "carol", Utc(2026, 3, 20), effectiveFrom: Utc(2026, 4, 1)));

        Assert.Equal([1, 2], l.Versions.Select(v => v.Number));
        Assert.Equal(99.9, l.VersionAt(Utc(2026, 3, 31, 23, 59)).Definition.Slos[0].Target);
        Assert.Equal(99.95, l.VersionAt(Utc(2026, 4, 1)).Definition.Slos[0].Target);
        Assert.Equal(1, l.VersionFor(Span(Utc(2026, 3, 1), Utc(2026, 4, 1))).Number);
        Assert.Equal(2, l.VersionFor(Span(Utc(2026, 4, 1), Utc(2026, 5, 1))).Number);
        Assert.Equal(SlaState.Active, l.Current.State);
        Assert.Equal(("new version", 2, "carol"), (l.Audit[^1].Action, l.Audit[^1].Version, l.Audit[^1].Who));
        Assert.Contains(l.Audit[^1].Changes, c => c.StartsWith("slos", StringComparison.Ordinal));
    }

    [Fact]
    public void Amend_Retired_IsRefused()
    {
        var l = ActiveSince(Utc(2026, 2, 1));
        Assert.Null(l.Transition(SlaState.Retired, "bob", Utc(2026, 12, 31)));

        Assert.NotNull(l.Amend(l.Current with { Name = "x" }, "bob", Utc(2027, 1, 2)));
    }

    [Fact]
    public void BaselineWindow_AfterBaselining_LastsTheBaselineDays()
    {
        var l = ActiveSince(Utc(2026, 2, 1));

        Assert.Equal(Span(T0.AddDays(3), T0.AddDays(33)), l.BaselineWindow());
        Assert.Null(new SlaLifecycle(Definition(), "alice", T0).BaselineWindow());
    }
}
