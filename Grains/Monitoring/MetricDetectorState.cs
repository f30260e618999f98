using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// The persisted state of a <see cref="MetricDetector"/> (<see cref="MetricDetector.ToState"/> /
/// <see cref="MetricDetector.FromState"/>): plain fields and arrays, so the grain can store it (e.g. in Redis) as it is.
/// Times are UTC ticks. Never renumber the ids; add new fields with new ids.
/// </summary>
[GenerateSerializer, Alias("ImpactMesh.MetricDetectorState")]
public sealed class MetricDetectorState
{
    // Detector
    [Id(0)] public long WindowTicks { get; set; }
    [Id(1)] public long Count { get; set; }
    [Id(2)] public long FirstTicks { get; set; }
    [Id(3)] public long LastTicks { get; set; }
    [Id(4)] public double LastValue { get; set; } = double.NaN;
    [Id(5)] public double Ewma { get; set; } = double.NaN;
    [Id(6)] public double Center { get; set; } = double.NaN;
    [Id(7)] public double Scale { get; set; } = double.NaN;
    [Id(8)] public double LastScore { get; set; }
    [Id(9)] public double LastLower { get; set; } = double.NaN;
    [Id(10)] public double LastUpper { get; set; } = double.NaN;
    [Id(11)] public long QuietUntilTicks { get; set; } = long.MinValue;
    [Id(12)] public double CauseValue { get; set; } = double.NaN;
    [Id(13)] public double CauseLower { get; set; } = double.NaN;
    [Id(14)] public double CauseUpper { get; set; } = double.NaN;
    [Id(15)] public double CauseScore { get; set; }
    [Id(16)] public HealthStatus CauseStatic { get; set; }

    // Recent samples, oldest first (seconds after FirstTicks)
    [Id(17)] public int[] RecentSeconds { get; set; } = [];
    [Id(18)] public float[] RecentValues { get; set; } = [];
    [Id(19)] public float[] RecentLower { get; set; } = [];
    [Id(20)] public float[] RecentUpper { get; set; } = [];

    // Rolling window buckets
    [Id(21)] public long[] BucketIndex { get; set; } = [];
    [Id(22)] public int[] BucketCount { get; set; } = [];
    [Id(23)] public double[] BucketMoments { get; set; } = [];
    [Id(24)] public double BucketReference { get; set; } = double.NaN;
    [Id(25)] public long BucketLastIndex { get; set; } = long.MinValue;

    // Sample reservoir (seconds after ReservoirOriginTicks)
    [Id(26)] public float[] ReservoirValues { get; set; } = [];
    [Id(27)] public int[] ReservoirSeconds { get; set; } = [];
    [Id(28)] public long ReservoirOriginTicks { get; set; } = long.MinValue;
    [Id(29)] public int ReservoirNext { get; set; }
    [Id(30)] public long ReservoirLastAdmitted { get; set; } = long.MinValue;
    [Id(31)] public int ReservoirSinceRefresh { get; set; }
    [Id(32)] public int ReservoirCount { get; set; }
    [Id(33)] public double ReservoirMedian { get; set; } = double.NaN;
    [Id(34)] public double ReservoirMad { get; set; } = double.NaN;

    // Seasonal profile
    [Id(35)] public float[] SeasonOffset { get; set; } = [];
    [Id(36)] public int[] SeasonCount { get; set; } = [];
    [Id(37)] public double SeasonPlainResidual { get; set; }
    [Id(38)] public double SeasonSeasonalResidual { get; set; }

    // Health
    [Id(39)] public HealthStatus Status { get; set; } = HealthStatus.Unknown;
    [Id(40)] public long SinceTicks { get; set; }
    [Id(41)] public bool IsStale { get; set; }
    [Id(42)] public int[] HealthRun { get; set; } = [];
    [Id(43)] public long[] HealthRunStart { get; set; } = [];
    [Id(44)] public int HealthBelowRun { get; set; }

    // Novelty: the window's furthest excursions above and below the centre at the last baseline refresh
    [Id(45)] public double UpperExcursion { get; set; }
    [Id(46)] public double LowerExcursion { get; set; }

    // Seasonal profile: the clock hour being summed
    [Id(47)] public long SeasonHourStart { get; set; } = long.MinValue;
    [Id(48)] public double SeasonCurrentOffset { get; set; }
    [Id(49)] public bool SeasonActive { get; set; }
    [Id(50)] public int SeasonSamples { get; set; }
    [Id(51)] public double SeasonSum { get; set; }
    [Id(52)] public double SeasonPlainSum { get; set; }
    [Id(53)] public double SeasonSeasonalSum { get; set; }
    [Id(54)] public long SeasonHistory { get; set; }
    [Id(55)] public double SeasonFitWeight { get; set; }
}
