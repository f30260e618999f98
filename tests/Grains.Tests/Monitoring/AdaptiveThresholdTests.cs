using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.Grains.Tests.Monitoring;

public sealed class AdaptiveThresholdTests
{
    [Theory]
    [InlineData(MetricDirection.HigherIsWorse, 130, 1.0)]
    [InlineData(MetricDirection.HigherIsWorse, 70, 0.0)]
    [InlineData(MetricDirection.LowerIsWorse, 70, 1.0)]
    [InlineData(MetricDirection.LowerIsWorse, 130, 0.0)]
    [InlineData(MetricDirection.Both, 70, 1.0)]
    [InlineData(MetricDirection.Both, 160, 2.0)]
    public void Ratio_Direction_CountsOnlyTheBadSide(MetricDirection direction, double value, double expected)
    {
        var threshold = new AdaptiveThreshold(new MetricSettings { Direction = direction });

        Assert.Equal(expected, threshold.Ratio(value, center: 100, scale: 10), 12);
    }

    [Fact]
    public void Ratio_HigherSensitivity_NarrowsBand()
    {
        var threshold = new AdaptiveThreshold(new MetricSettings { Sensitivity = 2 });

        Assert.Equal(15, threshold.HalfWidth(10), 12);
        Assert.Equal(2.0, threshold.Ratio(130, 100, 10), 12);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 0.5)]
    [InlineData(3.0, 0.9)]
    public void Score_Ratio_MapsIntoUnitInterval(double ratio, double expected) =>
        Assert.Equal(expected, AdaptiveThreshold.Score(ratio), 12);

    [Theory]
    [InlineData(0.9, HealthStatus.Ok)]
    [InlineData(1.2, HealthStatus.Warning)]
    [InlineData(1.8, HealthStatus.Minor)]
    [InlineData(2.5, HealthStatus.Major)]
    [InlineData(4.0, HealthStatus.Critical)]
    public void Severity_Ratio_GrowsWithDistance(double ratio, HealthStatus expected) =>
        Assert.Equal(expected, AdaptiveThreshold.Severity(ratio));

    [Theory]
    [InlineData(MetricDirection.HigherIsWorse, 85, HealthStatus.Warning)]
    [InlineData(MetricDirection.HigherIsWorse, 95, HealthStatus.Critical)]
    [InlineData(MetricDirection.HigherIsWorse, 50, HealthStatus.Ok)]
    [InlineData(MetricDirection.LowerIsWorse, 15, HealthStatus.Warning)]
    [InlineData(MetricDirection.LowerIsWorse, 5, HealthStatus.Critical)]
    [InlineData(MetricDirection.LowerIsWorse, 50, HealthStatus.Ok)]
    public void StaticSeverity_LevelCrossedInBadDirection_ReturnsLevel(MetricDirection direction, double value, HealthStatus expected)
    {
        var settings = direction == MetricDirection.LowerIsWorse
            ? new MetricSettings { Direction = direction, Warning = 20, Critical = 10 }
            : new MetricSettings { Direction = direction, Warning = 80, Critical = 90 };

        Assert.Equal(expected, new AdaptiveThreshold(settings).StaticSeverity(value));
    }
}
