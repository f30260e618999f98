namespace ImpactMesh.Grains.Interfaces.Health;

/// <summary>
/// The health of a component. <see cref="Ok"/> to <see cref="Critical"/> are ordered by severity;
/// <see cref="Unknown"/> (no data yet, or stale data) stands outside that order and is handled explicitly.
/// </summary>
[GenerateSerializer, Alias("ImpactMesh.HealthStatus")]
public enum HealthStatus
{
    Ok = 0,
    Warning = 1,
    Minor = 2,
    Major = 3,
    Critical = 4,
    Unknown = 5,
}
