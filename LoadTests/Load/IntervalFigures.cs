using System.Globalization;

namespace ImpactMesh.LoadTests.Load;

/// <summary>The figures of about one second of a run (progress line and the time series in the report).</summary>
internal sealed record IntervalFigures(double AtSeconds, double SamplesPerSecond, LatencySummary Latency, int InFlight, long ErrorsSoFar)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"  t={AtSeconds,6:F1}s  {SamplesPerSecond,12:N0} samples/s  p50 {Latency.P50Ms,8:F1} ms  p99 {Latency.P99Ms,8:F1} ms  in flight {InFlight,5}  errors {ErrorsSoFar}");
}
