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
    [Id(0)] public long WindowTicks { get; set; }
    [Id(1)] public long Count { get; set; }
    [Id(2)] public long FirstTicks { get; set; }
    [Id(3)] public long LastTicks { get; set; }
    [Id(4)] public double LastValue { get; set; } = double.NaN;
    [Id(5)] public double Ewma { get; set; } = double.NaN;
    [Id(6)] public double LastScore { get; set; }
    [Id(7)] public double LastLower { get; set; } = double.NaN;
    [Id(8)] public double LastUpper { get; set; } = double.NaN;
    [Id(9)] public long QuietUntilTicks { get; set; } = long.MinValue;
    [Id(10)] public double CauseValue { get; set; } = double.NaN;
    [Id(11)] public double CauseLower { get; set; } = double.NaN;
    [Id(12)] public double CauseUpper { get; set; } = double.NaN;
    [Id(13)] public double CauseScore { get; set; }
    [Id(14)] public HealthStatus CauseStatic { get; set; }
    [Id(15)] public int[] RecentSeconds { get; set; } = [];
    [Id(16)] public float[] RecentValues { get; set; } = [];
    [Id(17)] public float[] RecentLower { get; set; } = [];
    [Id(18)] public float[] RecentUpper { get; set; } = [];
    [Id(19)] public long[] BucketIndex { get; set; } = [];
    [Id(20)] public int[] BucketCount { get; set; } = [];
    [Id(21)] public double[] BucketSum { get; set; } = [];
    [Id(22)] public double[] BucketSumSquares { get; set; } = [];
    [Id(23)] public double[] BucketMin { get; set; } = [];
    [Id(24)] public double[] BucketMax { get; set; } = [];
    [Id(25)] public double BucketReference { get; set; } = double.NaN;
    [Id(26)] public long BucketLastIndex { get; set; } = long.MinValue;
    [Id(27)] public double[] ReservoirValues { get; set; } = [];
    [Id(28)] public long[] ReservoirTicks { get; set; } = [];
    [Id(29)] public int ReservoirNext { get; set; }
    [Id(30)] public long ReservoirLastAdmitted { get; set; } = long.MinValue;
    [Id(31)] public float[] SeasonHour { get; set; } = [];
    [Id(32)] public int[] SeasonHourCount { get; set; } = [];
    [Id(33)] public float[] SeasonDay { get; set; } = [];
    [Id(34)] public int[] SeasonDayCount { get; set; } = [];
    [Id(35)] public double SeasonPlainResidual { get; set; }
    [Id(36)] public double SeasonSeasonalResidual { get; set; }
    [Id(37)] public HealthStatus Status { get; set; } = HealthStatus.Unknown;
    [Id(38)] public long SinceTicks { get; set; }
    [Id(39)] public bool IsStale { get; set; }
    [Id(40)] public int[] HealthRun { get; set; } = [];
    [Id(41)] public long[] HealthRunStart { get; set; } = [];
    [Id(42)] public int HealthBelowRun { get; set; }
}
