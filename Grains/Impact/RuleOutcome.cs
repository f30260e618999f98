using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// The status a <see cref="Interfaces.Topology.StatusRule"/> derives from what the dependencies pass on.
/// <see cref="Main"/> is the main rule's result and <see cref="Status"/> the final one (the main rule and every firing
/// additional rule, the most severe winning). A dependency passing a status at or above <see cref="DrivingFrom"/> is one
/// of those that make the outcome (see <see cref="IsDriving"/>); <see cref="HealthStatus.Unknown"/> there means none.
/// </summary>
internal readonly record struct RuleOutcome(HealthStatus Status, HealthStatus Main, HealthStatus DrivingFrom)
{
    /// <summary>
    /// True when a dependency passing <paramref name="passed"/> drives the outcome and so carries its root causes:
    /// the status is known, not Ok and at or above <see cref="DrivingFrom"/>.
    /// </summary>
    public bool IsDriving(HealthStatus passed) =>
        passed is > HealthStatus.Ok and <= HealthStatus.Critical && passed >= DrivingFrom;
}
