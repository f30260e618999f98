using BenchmarkDotNet.Attributes;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.LoadTests.Benchmarks;

/// <summary>
/// The per-sample cost of <see cref="MetricDetector.Observe"/> (statistics, baseline, band, score and status) next to a plain
/// running-mean loop over the same values. Both report one operation per sample.
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    public const int Samples = 100_000;
    private static readonly long SpacingTicks = TimeSpan.FromSeconds(10).Ticks;

    private readonly double[] _values = new double[Samples];
    private MetricDetector _detector = null!;
    private long _nextTicks;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < Samples; i++)
        {
            var daily = 50 * Math.Sin(2 * Math.PI * i / 8640.0);
            var spike = random.NextDouble() < 0.001 ? 400 : 0;
            _values[i] = 200 + daily + 10 * NormalSample(random) + spike;
        }

        _detector = new MetricDetector("latency_ms", MetricSettings.Default);
        _nextTicks = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        Detector(); // warm: window, baseline and seasonal profile filled
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Samples)]
    public double RunningMean()
    {
        var values = _values;
        double mean = 0;
        for (var i = 0; i < values.Length; i++)
        {
            mean += (values[i] - mean) / (i + 1);
        }

        return mean;
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public double Detector()
    {
        var values = _values;
        var detector = _detector;
        var ticks = _nextTicks;
        double sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += detector.Observe(new DateTimeOffset(ticks, TimeSpan.Zero), values[i]).AnomalyScore;
            ticks += SpacingTicks;
        }

        _nextTicks = ticks;
        return sum;
    }

    private static double NormalSample(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
