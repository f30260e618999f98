namespace ImpactMesh.Grains.Interfaces;

/// <summary>Keys of services the grains take from dependency injection.</summary>
public static class ServiceKeys
{
    /// <summary>
    /// The clock of ImpactMesh's own logic (a keyed <see cref="TimeProvider"/>): tests give it a fake clock without
    /// slowing Orleans itself, which takes the unkeyed one.
    /// </summary>
    public const string Time = "impactmesh";
}
