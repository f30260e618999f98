using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace ImpactMesh.Grains.Tests.Monitoring;

public sealed class MetricDetectorStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    private static readonly MetricSettings Settings = new() { Direction = MetricDirection.Both, Window = TimeSpan.FromHours(2) };

    private static Serializer NewSerializer() =>
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static MetricDetector Fed(int minutes)
    {
        var detector = new MetricDetector("cpu", Settings);
        for (var i = 0; i < minutes; i++) detector.Observe(T0.AddMinutes(i), 50 + 10 * Math.Sin(i / 30.0) + (i % 211 == 0 ? 60 : 0));
        return detector;
    }

    [Fact]
    public void ToState_ThroughOrleansSerializer_RestoresSameBehaviour()
    {
        var serializer = NewSerializer();
        var original = Fed(6000);

        var copy = serializer.Deserialize<MetricDetectorState>(serializer.SerializeToArray(original.ToState()));
        var restored = MetricDetector.FromState("cpu", Settings, copy!);

        for (var i = 6000; i < 6500; i++)
        {
            var value = 50 + 10 * Math.Sin(i / 30.0) + (i % 97 == 0 ? 80 : 0);
            Assert.Equal(original.Observe(T0.AddMinutes(i), value), restored.Observe(T0.AddMinutes(i), value));
        }

        Assert.Equal(original.Snapshot().Reason, restored.Snapshot().Reason);
        Assert.Equal(original.Statistics(), restored.Statistics());
    }

    [Fact]
    public void Snapshot_ThroughOrleansSerializer_RoundTrips()
    {
        var serializer = NewSerializer();
        var health = Fed(300).Snapshot();

        var copy = serializer.Deserialize<MetricHealth>(serializer.SerializeToArray(health));

        Assert.NotNull(copy);
        Assert.Equal(health with { Recent = [] }, copy with { Recent = [] });
        Assert.Equal(health.Recent, copy.Recent);
    }

    [Fact]
    public void FromState_ChangedWindow_StartsStatisticsAfreshButKeepsStatus()
    {
        var original = Fed(3000);

        var restored = MetricDetector.FromState("cpu", Settings with { Window = TimeSpan.FromHours(1) }, original.ToState());

        Assert.Equal(original.Status, restored.Status);
        Assert.Equal(0, restored.Statistics().Count);
        Assert.Equal(original.Count, restored.Count);
    }

    [Fact]
    public void FromState_EmptyState_GivesNewDetector()
    {
        var restored = MetricDetector.FromState("cpu", Settings, new MetricDetectorState());

        Assert.Equal((HealthStatus.Unknown, 0L), (restored.Status, restored.Count));
    }
}
