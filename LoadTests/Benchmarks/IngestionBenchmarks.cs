using System.Collections.Immutable;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ImpactMesh.Dashboard.Api;
using ImpactMesh.Grains.Components;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.LoadTests.Benchmarks;

/// <summary>
/// The ingestion hot paths per sample, without Orleans: parsing a <c>POST /api/metrics</c> body of 5,000 samples
/// (50 components x 100, with timestamps) with <see cref="MetricBatchReader"/> against a bare <see cref="Utf8JsonReader"/>
/// walk over the same bytes (the least any parser must do), and a component grain's work for a batch of 100 samples over
/// 4 metrics (<see cref="ComponentMetrics"/>: checks, statistics, thresholds, then the metric health).
/// </summary>
[MemoryDiagnoser]
public class IngestionBenchmarks
{
    public const int Components = 50;
    public const int PerComponent = 100;
    private const int Samples = Components * PerComponent;
    private static readonly string[] Metrics = ["latency_ms", "error_rate", "cpu_pct", "requests_per_s"];

    private byte[] _body = null!;
    private ComponentMetrics _metrics = null!;
    private DateTimeOffset _now;
    private long _nextTicks;

    [GlobalSetup]
    public void Setup()
    {
        _now = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("samples");
            for (var c = 0; c < Components; c++)
            {
                for (var i = 0; i < PerComponent; i++)
                {
                    writer.WriteStartObject();
                    writer.WriteString("component", $"instance-5-{c * 37}");
                    writer.WriteString("metric", Metrics[i % Metrics.Length]);
                    writer.WriteNumber("value", 100 + i % 11 - 5.5);
                    writer.WriteString("timestamp", _now.AddSeconds(i / Metrics.Length));
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        _body = buffer.ToArray();

        _metrics = new ComponentMetrics(new MetricsOptions());
        _metrics.Configure(Metrics.ToDictionary(m => m, _ => MetricSettings.Default));
        _nextTicks = _now.UtcTicks;
        for (var b = 0; b < 1_000; b++) ComponentBatch();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Samples)]
    public int JsonTokenWalk()
    {
        var reader = new Utf8JsonReader(_body);
        var tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }

    [Benchmark(OperationsPerInvoke = Samples)]
    public int ParseMetricsBody()
    {
        var batch = new MetricBatchReader();
        batch.Read(_body, _now, 1_000_000);
        return batch.Count;
    }

    /// <summary>
    /// A component's work for one batch of 100 samples (per sample), as in RecordSamplesAsync minus Orleans; the batch is
    /// made here (a second later each time), as the load generator makes it: subtract <see cref="MakeBatch"/> for the
    /// component's share.
    /// </summary>
    [Benchmark(OperationsPerInvoke = PerComponent)]
    public HealthStatus ComponentBatch()
    {
        var at = new DateTimeOffset(_nextTicks += TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var (rejected, _) = _metrics.Observe(Batch(at).AsSpan(), at);
        return rejected.IsEmpty ? _metrics.Health().Status : HealthStatus.Unknown;
    }

    /// <summary>Making the batch alone (per sample), the load generator's share of <see cref="ComponentBatch"/>.</summary>
    [Benchmark(OperationsPerInvoke = PerComponent)]
    public int MakeBatch() => Batch(new DateTimeOffset(_nextTicks += TimeSpan.TicksPerSecond, TimeSpan.Zero)).Length;

    private ImmutableArray<MetricSample> Batch(DateTimeOffset at)
    {
        var builder = ImmutableArray.CreateBuilder<MetricSample>(PerComponent);
        for (var i = 0; i < PerComponent; i++) builder.Add(new MetricSample(Metrics[i % Metrics.Length], 100 + (_nextTicks / TimeSpan.TicksPerSecond * 31 + i * 17) % 11 - 5, at));
        return builder.MoveToImmutable();
    }
}
