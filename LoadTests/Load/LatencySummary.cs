using System.Text.Json.Serialization;
using HdrHistogram;

namespace ImpactMesh.LoadTests.Load;

/// <summary>Percentiles of a latency histogram recorded in microseconds, reported in milliseconds.</summary>
internal sealed record LatencySummary(
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("p50Ms")] double P50Ms,
    [property: JsonPropertyName("p90Ms")] double P90Ms,
    [property: JsonPropertyName("p99Ms")] double P99Ms,
    [property: JsonPropertyName("maxMs")] double MaxMs)
{
    public static readonly LatencySummary Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN);

    public static LatencySummary From(HistogramBase histogram) => histogram.TotalCount == 0
        ? Empty
        : new LatencySummary(
            histogram.TotalCount,
            Ms(histogram.GetValueAtPercentile(50)),
            Ms(histogram.GetValueAtPercentile(90)),
            Ms(histogram.GetValueAtPercentile(99)),
            Ms(histogram.GetMaxValue()));

    /// <summary>A histogram of microseconds from 1 µs to 10 minutes at 3 significant digits.</summary>
    public static LongHistogram NewHistogram() => new(1, 600_000_000, 3);

    public override string ToString() => Count == 0
        ? "n/a"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p50 {P50Ms:F1} / p90 {P90Ms:F1} / p99 {P99Ms:F1} / max {MaxMs:F1} ms (n={Count:N0})");

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
}
