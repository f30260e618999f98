using System.Collections.Immutable;
using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Impact;

public sealed class ImpactNodeTests
{
    [Fact]
    public void Constructor_NothingKnown_OkWithoutRootCauses()
    {
        var node = new ImpactNode(Topo.C("api", "db"));

        Assert.Equal(HealthStatus.Ok, node.Status);
        Assert.Empty(node.RootCauses);
        Assert.Equal(["db"], node.Dependencies);
    }

    [Fact]
    public void SetOwnStatus_Critical_IsItsOwnRootCause()
    {
        var node = new ImpactNode(Topo.C("db"));

        var changes = node.SetOwnStatus(HealthStatus.Critical, "latency above 500 ms");

        Assert.Equal(ImpactChanges.Status | ImpactChanges.RootCauses | ImpactChanges.Reason, changes);
        var cause = Assert.Single(node.RootCauses);
        Assert.Equal(("db", HealthStatus.Critical), (cause.Id, cause.Status));
        Assert.Equal(["db"], cause.Path);
        Assert.Equal("latency above 500 ms", node.Reason);
    }

    [Fact]
    public void SetOwnStatus_SameAgain_NoChanges()
    {
        var node = new ImpactNode(Topo.C("db"));
        node.SetOwnStatus(HealthStatus.Major, "slow");

        Assert.Equal(ImpactChanges.None, node.SetOwnStatus(HealthStatus.Major, "slow"));
    }

    [Fact]
    public void Apply_DependencyReport_ExtendsRootCausePaths()
    {
        var node = new ImpactNode(Topo.C("api", "db"));

        var changes = node.Apply(Report("db", 1, HealthStatus.Major, Cause("disk", HealthStatus.Major, "disk", "host", "db")));

        Assert.True((changes & ImpactChanges.Report) != 0);
        Assert.Equal(HealthStatus.Major, node.Status);
        Assert.Equal(["disk", "host", "db", "api"], Assert.Single(node.RootCauses).Path);
        Assert.Equal("1 of 1 dependency Major (worst)", node.Reason);
    }

    [Fact]
    public void Apply_StaleReport_Ignored()
    {
        var node = new ImpactNode(Topo.C("api", "db"));
        node.Apply(Report("db", 2, HealthStatus.Ok));

        var changes = node.Apply(Report("db", 1, HealthStatus.Critical, Cause("db", HealthStatus.Critical, "db")));

        Assert.Equal(ImpactChanges.None, changes);
        Assert.Equal(HealthStatus.Ok, node.Status);
    }

    [Fact]
    public void Apply_DuplicateReport_NoChanges()
    {
        var node = new ImpactNode(Topo.C("api", "db"));
        var report = Report("db", 1, HealthStatus.Critical, Cause("db", HealthStatus.Critical, "db"));
        node.Apply(report);

        Assert.Equal(ImpactChanges.None, node.Apply(report));
        Assert.Equal(HealthStatus.Critical, node.Status);
    }

    [Fact]
    public void Apply_ReportFromNonDependency_Ignored()
    {
        var node = new ImpactNode(Topo.C("api", "db"));

        Assert.Equal(ImpactChanges.None, node.Apply(Report("cache", 1, HealthStatus.Critical)));
        Assert.Equal(HealthStatus.Ok, node.Status);
    }

    [Fact]
    public void Apply_IgnoredRelation_NotCountedByTheRule()
    {
        var node = new ImpactNode(Topo.C("api", Topo.Rule(RuleKind.Best), new Relation("logs", Ignore: true), new Relation("db")));

        node.Apply(Report("db", 1, HealthStatus.Critical, Cause("db", HealthStatus.Critical, "db")));

        Assert.Equal(["db"], node.Dependencies);
        Assert.Equal(HealthStatus.Critical, node.Status);
    }

    [Fact]
    public void Apply_CycleClosingRelation_DoesNotPropagate()
    {
        var node = new ImpactNode(Topo.C("c", "a"), nonPropagatingRelations: [0]);

        Assert.Equal(ImpactChanges.None, node.Apply(Report("a", 1, HealthStatus.Critical)));
        Assert.Equal(HealthStatus.Ok, node.Status);
        Assert.Empty(node.Dependencies);
    }

    [Fact]
    public void Apply_DependencyInMaintenance_PassesOkAndNoRootCauses()
    {
        var node = new ImpactNode(Topo.C("api", "db"));
        node.Apply(Report("db", 1, HealthStatus.Critical, Cause("db", HealthStatus.Critical, "db")));

        node.Apply(Report("db", 2, HealthStatus.Critical, Cause("db", HealthStatus.Critical, "db")) with { InMaintenance = true });

        Assert.Equal(HealthStatus.Ok, node.Status);
        Assert.Empty(node.RootCauses);
    }

    [Fact]
    public void SetMaintenance_On_ReportsMaintenanceAndKeepsOwnStatus()
    {
        var node = new ImpactNode(Topo.C("db"));
        node.SetOwnStatus(HealthStatus.Critical, "down");

        var changes = node.SetMaintenance(true);

        Assert.Equal(ImpactChanges.Maintenance, changes);
        Assert.Equal(HealthStatus.Critical, node.Status);
        Assert.True(node.CreateReport().InMaintenance);
        Assert.Equal(ImpactChanges.None, node.SetMaintenance(true));
    }

    [Fact]
    public void SetOwnStatus_UnknownWithOkDependencies_StaysUnknown()
    {
        var node = new ImpactNode(Topo.C("api", "db"));
        node.Apply(Report("db", 1, HealthStatus.Ok));

        node.SetOwnStatus(HealthStatus.Unknown, "no data yet");

        Assert.Equal(HealthStatus.Unknown, node.Status);
        Assert.Empty(node.RootCauses);
    }

    [Fact]
    public void SetOwnStatus_UnknownWithImpactedDependency_TakesTheKnownProblem()
    {
        var node = new ImpactNode(Topo.C("api", "db"));
        node.Apply(Report("db", 1, HealthStatus.Minor, Cause("db", HealthStatus.Minor, "db")));

        node.SetOwnStatus(HealthStatus.Unknown, "no data yet");

        Assert.Equal(HealthStatus.Minor, node.Status);
        Assert.Equal("db", Assert.Single(node.RootCauses).Id);
    }

    [Fact]
    public void Apply_EveryDependencyUnknown_OwnKnownStatusWins()
    {
        var node = new ImpactNode(Topo.C("api", "db", "cache"));

        node.Apply(Report("db", 1, HealthStatus.Unknown));
        node.Apply(Report("cache", 1, HealthStatus.Unknown));

        Assert.Equal(HealthStatus.Unknown, node.DerivedStatus);
        Assert.Equal(HealthStatus.Ok, node.Status);
    }

    [Fact]
    public void Apply_Diamond_SharedRootCauseOnceWithShortestPath()
    {
        var node = new ImpactNode(Topo.C("api", "long", "short"));

        node.Apply(Report("long", 1, HealthStatus.Critical, Cause("disk", HealthStatus.Critical, "disk", "host", "long")));
        node.Apply(Report("short", 1, HealthStatus.Critical, Cause("disk", HealthStatus.Critical, "disk", "short")));

        var cause = Assert.Single(node.RootCauses);
        Assert.Equal(["disk", "short", "api"], cause.Path);
        Assert.Equal(1, node.TotalRootCauses);
    }

    [Fact]
    public void Apply_OwnWorseThanDerived_OnlyItselfIsRootCause()
    {
        var node = new ImpactNode(Topo.C("api", "db"));
        node.SetOwnStatus(HealthStatus.Critical, "errors");

        node.Apply(Report("db", 1, HealthStatus.Warning, Cause("db", HealthStatus.Warning, "db")));

        Assert.Equal(["api"], node.RootCauses.Select(r => r.Id));
    }

    [Fact]
    public void Apply_OwnEqualsDerived_ItselfAndDependencyCauses()
    {
        var node = new ImpactNode(Topo.C("api", "db"));
        node.SetOwnStatus(HealthStatus.Major, "errors");

        node.Apply(Report("db", 1, HealthStatus.Major, Cause("db", HealthStatus.Major, "db")));

        Assert.Equal(["api", "db"], node.RootCauses.Select(r => r.Id));
        Assert.Equal("errors; 1 of 1 dependency Major (worst)", node.Reason);
    }

    [Fact]
    public void Apply_SoftRelation_CarriesRootCausesAtWarning()
    {
        var node = new ImpactNode(Topo.C("api", null, new Relation("search", RelationImpact.Soft)));

        node.Apply(Report("search", 1, HealthStatus.Critical, Cause("search", HealthStatus.Critical, "search")));

        Assert.Equal(HealthStatus.Warning, node.Status);
        Assert.Equal("search", Assert.Single(node.RootCauses).Id);
    }

    [Fact]
    public void RootCauses_MoreThanCap_KeepsMostSevereFirstAndCountsAll()
    {
        var dependencies = Enumerable.Range(0, 5).Select(i => $"d{i}").ToArray();
        var node = new ImpactNode(Topo.C("api", Topo.Rule(RuleKind.Best), [.. dependencies.Select(d => new Relation(d))]), rootCauseCap: 2);

        for (var i = 0; i < 5; i++)
        {
            var status = i == 3 ? HealthStatus.Critical : HealthStatus.Warning;
            node.Apply(Report(dependencies[i], 1, status, Cause(dependencies[i], status, dependencies[i])));
        }

        Assert.Equal(HealthStatus.Warning, node.Status);
        Assert.Equal(["d3", "d0"], node.RootCauses.Select(r => r.Id));
        Assert.Equal(5, node.TotalRootCauses);
    }

    [Fact]
    public void CreateReport_EachReport_SequenceGrows()
    {
        var node = new ImpactNode(Topo.C("db"), sequence: 100);

        var first = node.CreateReport();
        var second = node.CreateReport();

        Assert.Equal(101, first.Sequence);
        Assert.Equal(102, second.Sequence);
        Assert.Equal("db", second.From);
    }

    [Fact]
    public void Reconfigure_DependencyRemoved_DropsItsReport()
    {
        var node = new ImpactNode(Topo.C("api", "db", "cache"));
        node.Apply(Report("db", 1, HealthStatus.Critical, Cause("db", HealthStatus.Critical, "db")));

        var changes = node.Reconfigure(Topo.C("api", "cache"));

        Assert.True((changes & ImpactChanges.Status) != 0);
        Assert.Equal(HealthStatus.Ok, node.Status);
        Assert.Equal(["cache"], node.Dependencies);
    }

    [Fact]
    public void Apply_ManyDependencies_FindsEachReportsSender_AndKeepsReportsThroughAReconfiguration()
    {
        var dependencies = Enumerable.Range(0, 12).Select(i => $"host-{i}").ToArray();
        var node = new ImpactNode(Topo.C("app", dependencies));

        node.Apply(Report("host-10", 5, HealthStatus.Major, Cause("host-10", HealthStatus.Major, "host-10")));
        Assert.Equal(ImpactChanges.None, node.Apply(Report("host-10", 4, HealthStatus.Ok)));
        Assert.Equal(ImpactChanges.None, node.Apply(Report("not-a-dependency", 9, HealthStatus.Critical)));
        Assert.Equal(HealthStatus.Major, node.Status);

        // Fewer dependencies (scanned, not indexed): host-10's report is kept, and an older one is still refused.
        node.Reconfigure(Topo.C("app", "host-10", "host-3"));
        Assert.Equal(HealthStatus.Major, node.Status);
        Assert.Equal(ImpactChanges.None, node.Apply(Report("host-10", 5, HealthStatus.Ok)));
        Assert.True((node.Apply(Report("host-10", 6, HealthStatus.Ok)) & ImpactChanges.Status) != 0);
        Assert.Equal(HealthStatus.Ok, node.Status);
    }

    private static ImpactReport Report(string from, long sequence, HealthStatus status, params RootCause[] causes) =>
        new(from, sequence, status, false, [.. causes], causes.Length);

    private static RootCause Cause(string id, HealthStatus status, params string[] path) => new(id, status, [.. path]);
}
