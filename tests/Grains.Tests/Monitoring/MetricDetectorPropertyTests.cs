using CsCheck;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.Grains.Tests.Monitoring;

public sealed class MetricDetectorPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    // Steps of -5 to 600 seconds (some go back in time) and values including spikes, NaN and infinities.
    private static readonly Gen<(int Step, double Value)[]> Samples = Gen.Select(
        Gen.Int[-5, 600],
        Gen.Frequency((20, Gen.Double[0, 1000]), (1, Gen.Double[-1e9, 1e9]), (1, Gen.Const(double.NaN)), (1, Gen.Const(double.PositiveInfinity))))
        .Array[1, 400];

    private static readonly Gen<MetricSettings> AnySettings = Gen.Select(
        Gen.Enum<MetricDirection>(), Gen.Int[1, 5], Gen.Int[1, 5], Gen.Double[0.1, 10], Gen.Int[1, 240])
        .Select((d, raise, clear, sensitivity, minutes) => new MetricSettings
        {
            Direction = d, RaiseAfter = raise, ClearAfter = clear, Sensitivity = sensitivity,
            Window = TimeSpan.FromMinutes(minutes), WarmUp = TimeSpan.FromMinutes(minutes / 4), Rearm = TimeSpan.FromMinutes(10),
        });

    [Fact]
    public void Observe_AnySamples_KeepsScoresAndStatisticsSane()
    {
        Gen.Select(AnySettings, Samples).Sample((settings, samples) =>
        {
            var detector = new MetricDetector("m", settings);
            var t = T0;
            var finite = new List<double>();
            foreach (var (step, value) in samples)
            {
                t = t.AddSeconds(step);
                var o = detector.Observe(t, value);
                Assert.InRange(o.AnomalyScore, 0, 1);
                Assert.True(o.Status.IsKnown() || finite.Count == 0 && !double.IsFinite(value));
                if (double.IsFinite(value)) finite.Add(value);
            }

            var s = detector.Statistics();
            if (finite.Count > 0)
            {
                Assert.InRange(s.Count, 1, finite.Count);
                Assert.InRange(s.Min, finite.Min(), finite.Max());
                Assert.InRange(s.Max, finite.Min(), finite.Max());
                Assert.InRange(s.Mean, s.Min - 1e-9 - 1e-6 * Math.Abs(s.Min), s.Max + 1e-9 + 1e-6 * Math.Abs(s.Max));
                Assert.False(double.IsNaN(s.StdDev));
            }
        });
    }

    [Fact]
    public void FromState_AnyPrefix_ContinuesLikeOriginal()
    {
        Gen.Select(AnySettings, Samples, Samples).Sample((settings, before, after) =>
        {
            var original = new MetricDetector("m", settings);
            var t = T0;
            foreach (var (step, value) in before) original.Observe(t = t.AddSeconds(Math.Abs(step)), value);
            var restored = MetricDetector.FromState("m", settings, original.ToState());

            foreach (var (step, value) in after)
            {
                t = t.AddSeconds(Math.Abs(step));
                Assert.Equal(original.Observe(t, value), restored.Observe(t, value));
            }

            Assert.Equal(original.Snapshot().Reason, restored.Snapshot().Reason);
            Assert.Equal(original.CheckStale(t.AddHours(1)), restored.CheckStale(t.AddHours(1)));
        }, iter: 30);
    }
}
