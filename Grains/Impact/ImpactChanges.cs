namespace ImpactMesh.Grains.Impact;

/// <summary>What an <see cref="ImpactNode"/> update changed.</summary>
[Flags]
internal enum ImpactChanges
{
    None = 0,

    /// <summary>The effective status changed.</summary>
    Status = 1,

    /// <summary>The root causes (ids, statuses, paths or total) changed.</summary>
    RootCauses = 2,

    /// <summary>The maintenance flag changed.</summary>
    Maintenance = 4,

    /// <summary>The reason text changed.</summary>
    Reason = 8,

    /// <summary>Any of the changes that dependents must hear about: send them a new report.</summary>
    Report = Status | RootCauses | Maintenance,
}
