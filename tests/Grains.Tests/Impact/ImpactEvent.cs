using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Tests.Impact;

/// <summary>A random event of a property test: a new own status, or maintenance on or off (when Own is null).</summary>
internal sealed record ImpactEvent(string Id, HealthStatus? Own, bool Maintenance);
