using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Impact;

/// <summary>How a component's own health and the status derived from its dependencies combine.</summary>
internal static class ImpactStatus
{
    /// <summary>
    /// The effective status: the worse of <paramref name="own"/> and <paramref name="derived"/>, where a known status
    /// beats Unknown, with one exception: a derived Ok does not hide an Unknown own status (dependencies being fine does
    /// not tell that the component itself is). So a component with no data is Unknown unless its dependencies pass it a
    /// problem, and a component with its own known health is never made Unknown by its dependencies.
    /// </summary>
    public static HealthStatus Combine(HealthStatus own, HealthStatus derived) =>
        !own.IsKnown() && derived == HealthStatus.Ok ? HealthStatus.Unknown : own.Worse(derived);

    /// <summary>True for the statuses that have root causes: Warning to Critical.</summary>
    public static bool IsProblem(HealthStatus status) => status is > HealthStatus.Ok and <= HealthStatus.Critical;

    /// <summary>The weight of a status in a blast radius: Warning 1, Minor 2, Major 3, Critical 4, otherwise 0.</summary>
    public static int Severity(HealthStatus status) => IsProblem(status) ? (int)status : 0;
}
