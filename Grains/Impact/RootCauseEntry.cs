using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// A root cause as <see cref="ImpactEvaluator"/> keeps it: the root cause's index and own status, the length of the
/// path (1 for the component itself) and the dependency the path goes through (-1 for the component itself).
/// </summary>
internal readonly record struct RootCauseEntry(int Root, HealthStatus Status, int Length, int Via);
