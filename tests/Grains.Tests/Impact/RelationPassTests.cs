using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Impact;

public sealed class RelationPassTests
{
    [Fact]
    public void Apply_PlainRelation_PassesStatusUnchanged()
    {
        Assert.Equal(HealthStatus.Major, RelationPass.Apply(new Relation("db"), HealthStatus.Major, inMaintenance: false));
    }

    [Fact]
    public void Apply_DependencyInMaintenance_PassesOk()
    {
        Assert.Equal(HealthStatus.Ok, RelationPass.Apply(new Relation("db", Shift: 2), HealthStatus.Critical, inMaintenance: true));
        Assert.Equal(HealthStatus.Ok, RelationPass.Apply(new Relation("db"), HealthStatus.Unknown, inMaintenance: true));
    }

    [Fact]
    public void Apply_Unknown_PassesUnknownWhateverTheSettings()
    {
        var relation = new Relation("db", RelationImpact.Soft, Shift: 3);

        Assert.Equal(HealthStatus.Unknown, RelationPass.Apply(relation, HealthStatus.Unknown, inMaintenance: false));
    }

    [Fact]
    public void Apply_OkWithPositiveShift_StaysOk()
    {
        Assert.Equal(HealthStatus.Ok, RelationPass.Apply(new Relation("db", Shift: 5), HealthStatus.Ok, inMaintenance: false));
    }

    [Theory]
    [InlineData(HealthStatus.Warning, 1, HealthStatus.Minor)]
    [InlineData(HealthStatus.Major, 3, HealthStatus.Critical)]
    [InlineData(HealthStatus.Major, -1, HealthStatus.Minor)]
    [InlineData(HealthStatus.Minor, -5, HealthStatus.Ok)]
    public void Apply_Shift_MovesAndClampsToOkCritical(HealthStatus status, int shift, HealthStatus expected)
    {
        Assert.Equal(expected, RelationPass.Apply(new Relation("db", Shift: shift), status, inMaintenance: false));
    }

    [Theory]
    [InlineData(HealthStatus.Critical, 0, HealthStatus.Warning)]
    [InlineData(HealthStatus.Warning, 2, HealthStatus.Warning)]
    [InlineData(HealthStatus.Major, -3, HealthStatus.Ok)]
    [InlineData(HealthStatus.Ok, 0, HealthStatus.Ok)]
    public void Apply_Soft_CapsAtWarningAfterShift(HealthStatus status, int shift, HealthStatus expected)
    {
        Assert.Equal(expected, RelationPass.Apply(new Relation("db", RelationImpact.Soft, shift), status, inMaintenance: false));
    }

    [Fact]
    public void Counts_IgnoredRelation_False()
    {
        Assert.False(RelationPass.Counts(new Relation("db", Ignore: true)));
        Assert.True(RelationPass.Counts(new Relation("db")));
    }
}
