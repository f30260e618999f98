using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// Turns a value, a learned centre and a robust spread into a band, an anomaly score and a severity, following the metric's
/// <see cref="MetricDirection"/> and <see cref="MetricSettings.Sensitivity"/>, and applies the static levels.
/// The band is centre ± <see cref="BandSigmas"/> spreads / sensitivity. With r = (distance beyond the centre in the bad
/// direction) / (band half-width), the score is r²/(1+r²): 0 at the centre, 0.5 on the band edge, 0.9 at three half-widths.
/// Outside the band the severity grows with r: Warning to 1.5, Minor to 2, Major to 3, Critical beyond.
/// </summary>
internal readonly struct AdaptiveThreshold
{
    public const double BandSigmas = 3.0;

    private readonly MetricDirection _direction;
    private readonly double _halfWidthFactor;
    private readonly double _warning;
    private readonly double _critical;

    public AdaptiveThreshold(MetricSettings settings)
    {
        _direction = settings.Direction;
        _halfWidthFactor = BandSigmas / Math.Clamp(double.IsFinite(settings.Sensitivity) ? settings.Sensitivity : 1.0, 0.1, 10);
        var sign = settings.Direction == MetricDirection.LowerIsWorse ? -1.0 : 1.0;
        _warning = settings.Warning is { } w && double.IsFinite(w) ? sign * w : double.PositiveInfinity;
        _critical = settings.Critical is { } c && double.IsFinite(c) ? sign * c : double.PositiveInfinity;
    }

    public bool HasLower => _direction != MetricDirection.HigherIsWorse;

    public bool HasUpper => _direction != MetricDirection.LowerIsWorse;

    /// <summary>Half-width of the band for a spread.</summary>
    public double HalfWidth(double scale) => _halfWidthFactor * scale;

    /// <summary>Band ratio r: how many band half-widths the value lies beyond the centre in the bad direction (0 if on the good side).</summary>
    public double Ratio(double value, double center, double scale)
    {
        var d = value - center;
        var bad = _direction switch
        {
            MetricDirection.HigherIsWorse => d,
            MetricDirection.LowerIsWorse => -d,
            _ => Math.Abs(d),
        };
        return bad > 0 ? bad / (_halfWidthFactor * scale) : 0;
    }

    public static double Score(double ratio) => ratio * ratio / (1 + ratio * ratio);

    public static HealthStatus Severity(double ratio) => ratio switch
    {
        <= 1 => HealthStatus.Ok,
        <= 1.5 => HealthStatus.Warning,
        <= 2 => HealthStatus.Minor,
        <= 3 => HealthStatus.Major,
        _ => HealthStatus.Critical,
    };

    /// <summary>Severity from the static levels (Both: the levels are upper limits).</summary>
    public HealthStatus StaticSeverity(double value)
    {
        var v = _direction == MetricDirection.LowerIsWorse ? -value : value;
        if (v >= _critical) return HealthStatus.Critical;
        return v >= _warning ? HealthStatus.Warning : HealthStatus.Ok;
    }
}
