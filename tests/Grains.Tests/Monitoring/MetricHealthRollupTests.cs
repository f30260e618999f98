using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.Grains.Tests.Monitoring;

public sealed class MetricHealthRollupTests
{
    private static readonly MetricStatistics NoStatistics = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static MetricHealth M(string metric, HealthStatus status, int sinceMinute) =>
        new(metric, status, metric, new DateTimeOffset(2026, 12, 4, 10, sinceMinute, 0, TimeSpan.Zero),
            null, null, null, null, 0, NoStatistics, ImmutableArray<MetricPoint>.Empty);

    [Fact]
    public void Worst_MixedStatuses_ReturnsWorstKnownAndEarliestAmongEqual()
    {
        var (status, worst) = MetricHealthRollup.Worst(
        [
            M("cpu", HealthStatus.Unknown, 0), M("latency", HealthStatus.Major, 5),
            M("errors", HealthStatus.Major, 3), M("rps", HealthStatus.Ok, 1),
        ]);

        Assert.Equal(HealthStatus.Major, status);
        Assert.Equal("errors", worst?.Metric);
    }

    [Fact]
    public void Worst_OnlyUnknownOrNone_ReturnsUnknown()
    {
        Assert.Equal(HealthStatus.Unknown, MetricHealthRollup.Worst([M("cpu", HealthStatus.Unknown, 0)]).Status);
        Assert.Equal((HealthStatus.Unknown, (MetricHealth?)null), MetricHealthRollup.Worst([]));
    }
}
