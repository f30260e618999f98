using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Interfaces.Tests.Health;

public sealed class HealthStatusExtensionsTests
{
    [Theory]
    [InlineData(HealthStatus.Ok, HealthStatus.Major, HealthStatus.Major)]
    [InlineData(HealthStatus.Critical, HealthStatus.Warning, HealthStatus.Critical)]
    [InlineData(HealthStatus.Unknown, HealthStatus.Minor, HealthStatus.Minor)]
    [InlineData(HealthStatus.Ok, HealthStatus.Unknown, HealthStatus.Ok)]
    [InlineData(HealthStatus.Unknown, HealthStatus.Unknown, HealthStatus.Unknown)]
    public void Worse_TwoStatuses_ReturnsMoreSevereKnownOne(HealthStatus a, HealthStatus b, HealthStatus expected)
    {
        Assert.Equal(expected, a.Worse(b));
        Assert.Equal(expected, b.Worse(a));
    }

    [Theory]
    [InlineData(HealthStatus.Minor, 1, HealthStatus.Major)]
    [InlineData(HealthStatus.Minor, 5, HealthStatus.Critical)]
    [InlineData(HealthStatus.Warning, -3, HealthStatus.Ok)]
    [InlineData(HealthStatus.Unknown, 2, HealthStatus.Unknown)]
    public void Shift_ByLevels_ClampsToKnownRange(HealthStatus status, int levels, HealthStatus expected) =>
        Assert.Equal(expected, status.Shift(levels));

    [Theory]
    [InlineData("critical", true, HealthStatus.Critical)]
    [InlineData(" Warning ", true, HealthStatus.Warning)]
    [InlineData("3", false, HealthStatus.Unknown)]
    [InlineData("bad", false, HealthStatus.Unknown)]
    [InlineData("", false, HealthStatus.Unknown)]
    public void TryParse_Text_AcceptsNamesOnly(string text, bool ok, HealthStatus expected)
    {
        Assert.Equal(ok, HealthStatusExtensions.TryParse(text, out var status));
        if (ok) Assert.Equal(expected, status);
    }
}
