using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// A component's status as a feed delivered it: when the component was updated (its change was published; known only
/// from the in-process feed, null over the hub) and when the change reached this process.
/// </summary>
internal readonly record struct ObservedChange(string Component, HealthStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset ArrivedAt);
