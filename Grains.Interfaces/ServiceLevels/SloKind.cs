namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>What a service level objective measures.</summary>
[GenerateSerializer, Alias("ImpactMesh.SloKind")]
public enum SloKind
{
    /// <summary>% of scheduled time not in a down status (higher is better).</summary>
    Availability = 0,

    /// <summary>A percentile of a latency metric over the period, in milliseconds (lower is better).</summary>
    ResponseTime = 1,

    /// <summary>Errors / requests over the period, in % (lower is better).</summary>
    ErrorRate = 2,

    /// <summary>Mean or max service-hour minutes from down to restored (lower is better).</summary>
    TimeToRestore = 3,
}
