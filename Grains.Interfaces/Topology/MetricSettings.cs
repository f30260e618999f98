namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>Per-metric settings of a component. Absent values take the defaults below.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.MetricSettings")]
public sealed record MetricSettings
{
    /// <summary>Which way the metric goes bad.</summary>
    [Id(0)] public MetricDirection Direction { get; init; } = MetricDirection.HigherIsWorse;

    /// <summary>Static warning level that always applies (crossed in the metric's bad direction).</summary>
    [Id(1)] public double? Warning { get; init; }

    /// <summary>Static critical level that always applies.</summary>
    [Id(2)] public double? Critical { get; init; }

    /// <summary>Multiplies how readily the adaptive band alarms: 2 alarms more readily, 0.5 less. Range 0.1-10.</summary>
    [Id(3)] public double Sensitivity { get; init; } = 1.0;

    /// <summary>The time window of the rolling statistics.</summary>
    [Id(4)] public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long the metric is only measured (the baseline) before it can alarm.</summary>
    [Id(5)] public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Consecutive breaching samples needed to raise a status.</summary>
    [Id(6)] public int RaiseAfter { get; init; } = 3;

    /// <summary>Consecutive clean samples needed to clear a status.</summary>
    [Id(7)] public int ClearAfter { get; init; } = 5;

    /// <summary>Without a sample for this long the metric becomes Unknown.</summary>
    [Id(8)] public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Optional unit for display ("ms", "%", "req/s").</summary>
    [Id(9)] public string? Unit { get; init; }

    /// <summary>
    /// After an anomaly fires (a sample scoring above 0.8: more than two band half-widths out and beyond anything the window
    /// has seen on that side), the anomaly scores of the following samples are halved for this long (data time), so one
    /// incident scores high once instead of on every sample. Statuses are not affected. Zero disables.
    /// </summary>
    [Id(10)] public TimeSpan Rearm { get; init; } = TimeSpan.FromMinutes(30);

    public static MetricSettings Default { get; } = new();
}
