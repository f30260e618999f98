using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.LoadTests.Nab;

/// <summary>
/// Runs the grains' <see cref="MetricDetector"/> over NAB data files: one detector per file, fed sample by sample in file
/// order (online, no look-ahead, no labels), with the same <see cref="Settings"/> for every file. The NAB anomaly score of
/// a row is the detector's own <see cref="MetricObservation.AnomalyScore"/> for that sample.
/// </summary>
internal static class NabRunner
{
    public const string DetectorName = "impactmesh";

    /// <summary>The settings used for every NAB file: six days of window, a day of warm-up, 12 h rearm, anomalies in both directions, sensitivity 1.</summary>
    public static MetricSettings Settings { get; } = new()
    {
        Direction = MetricDirection.Both,
        Window = TimeSpan.FromDays(6),
        WarmUp = TimeSpan.FromDays(1),
        Rearm = TimeSpan.FromHours(12),
    };


    /// <summary>The anomaly score of every row of <paramref name="series"/>.</summary>
    public static double[] Detect(NabSeries series, MetricSettings settings)
    {
        var detector = new MetricDetector("value", settings);
        var scores = new double[series.Count];
        for (var i = 0; i < series.Count; i++)
        {
            var at = new DateTimeOffset(series.Timestamps[i], TimeSpan.Zero);
            scores[i] = detector.Observe(at, series.Values[i]).AnomalyScore;
        }

        return scores;
    }
}
