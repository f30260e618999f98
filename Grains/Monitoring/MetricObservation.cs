using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// The outcome of one sample: the metric's status after it, the sample's anomaly score in [0, 1], the adaptive band it was
/// judged against (null while learning or on the side the direction ignores) and whether the status changed (then call
/// <see cref="MetricDetector.Snapshot"/> for the reason).
/// </summary>
internal readonly record struct MetricObservation(
    HealthStatus Status,
    double AnomalyScore,
    double? Lower,
    double? Upper,
    bool StatusChanged);
