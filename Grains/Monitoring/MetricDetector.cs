using System.Collections.Immutable;
using System.Globalization;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using MathNet.Numerics.Statistics;

namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// The per-metric detector a component grain holds: rolling statistics over <see cref="MetricSettings.Window"/>, a robust
/// baseline (median and MAD of an evenly spaced sample of the window, refreshed every few samples, with an hour-of-day /
/// day-of-week profile once it explains the data), an adaptive band, static levels, and the status with hysteresis.
/// <para>
/// The status follows how far a sample lies outside the band (<see cref="AdaptiveThreshold.Severity"/>) or which static
/// level it crosses, through <see cref="HealthTracker"/>. The anomaly score measures novelty: the band ratio r, capped so
/// that a value no further from the centre than the window has already been on that side scores at most 0.8, mapped to
/// r²/(1+r²); a score above 0.8 "fires", and for <see cref="MetricSettings.Rearm"/> afterwards scores are halved, so one
/// incident scores high once. The grain exposes this same score (<see cref="MetricHealth.AnomalyScore"/>).
/// </para>
/// Time is data time: the sample timestamps, and the <c>now</c> given to <see cref="CheckStale"/>.
/// Per sample the work is constant and, once warm, allocation-free (the recent series grows its band ring at most a few
/// times); memory is bounded (see <see cref="ApproximateBytes"/>).
/// Not thread-safe: one caller at a time, as in a grain.
/// </summary>
internal sealed class MetricDetector
{
    public const int RecentCapacity = RecentSeries.Capacity;
    private const int MinBaselineSamples = 8;
    private const int RefreshEvery = 16;
    private const double MadToSigma = 1.4826;
    private const double MeanAbsToSigma = 1.2533;
    private const double RearmFactor = 0.5;
    private const double FiringRatio = 2.0;
    private const double MinSpreadOfStdDev = 0.6;

    private readonly MetricSettings _settings;
    // The window, reservoir, seasonal profile, health and recent series are mutable structs inside the detector (an object
    // header and reference less each, 400,000 detectors per silo): they are updated in place, never copied to a local.
    private RollingWindow _window;
    private SampleReservoir _reservoir;
    private SeasonalProfile _seasonal = new();
    private readonly AdaptiveThreshold _threshold;
    private HealthTracker _health;
    private readonly long _warmUpTicks;
    private readonly double _ewmaTimeConstantTicks;
    private readonly long _rearmTicks;

    // Recent samples for charting, on a clock of seconds since the first sample.
    private RecentSeries _recent = new();

    private long _count;
    private long _firstTicks;
    private long _lastTicks;
    private double _lastValue = double.NaN;
    private double _ewma = double.NaN;
    private long _ewmaStepTicks = -1;
    private double _ewmaAlpha;
    private double _center = double.NaN;
    private double _upperExcursion;
    private double _lowerExcursion;
    private double _scale = double.NaN;
    private double _lastScore;
    private double _lastLower = double.NaN;
    private double _lastUpper = double.NaN;
    private long _quietUntilTicks = long.MinValue;

    // What the current status was decided on, for its reason.
    private double _causeValue = double.NaN;
    private double _causeLower = double.NaN;
    private double _causeUpper = double.NaN;
    private double _causeScore;
    private HealthStatus _causeStatic;

    public MetricDetector(string metric, MetricSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentNullException.ThrowIfNull(settings);
        Metric = metric;
        _settings = settings;
        var window = settings.Window > TimeSpan.Zero ? settings.Window : MetricSettings.Default.Window;
        _window = new RollingWindow(window);
        _reservoir = new SampleReservoir(window);
        _threshold = new AdaptiveThreshold(settings);
        _health = new HealthTracker(settings.RaiseAfter, settings.ClearAfter);
        _warmUpTicks = Math.Max(0, settings.WarmUp.Ticks);
        _ewmaTimeConstantTicks = window.Ticks / 6.0;
        _rearmTicks = Math.Max(0, settings.Rearm.Ticks);
    }

    public string Metric { get; }

    public MetricSettings Settings => _settings;

    public HealthStatus Status => _health.Status;

    /// <summary>Samples accepted so far (all time).</summary>
    public long Count => _count;

    /// <summary>Data time (UTC ticks) of the latest sample; meaningful once <see cref="Count"/> is above 0.</summary>
    public long LastTicks => _lastTicks;

    /// <summary>Processes one sample. Non-finite values are ignored; a timestamp earlier than the last one is treated as the last one.</summary>
    public MetricObservation Observe(DateTimeOffset timestamp, double value)
    {
        if (!double.IsFinite(value))
        {
            return new MetricObservation(_health.Status, _lastScore, Nullable(_lastLower), Nullable(_lastUpper), false);
        }

        var ticks = timestamp.UtcTicks;
        if (_count == 0)
        {
            _firstTicks = ticks;
            _lastTicks = ticks;
            _ewma = value;
        }
        else if (ticks < _lastTicks)
        {
            ticks = _lastTicks;
        }
        else
        {
            var dt = ticks - _lastTicks;
            if (dt != _ewmaStepTicks)
            {
                _ewmaStepTicks = dt;
                _ewmaAlpha = 1 - Math.Exp(-dt / _ewmaTimeConstantTicks);
            }

            _ewma += _ewmaAlpha * (value - _ewma);
        }

        _count++;
        _lastTicks = ticks;
        _lastValue = value;
        _window.Add(ticks, value);

        // Judge the sample against the baseline learned before it.
        var history = ticks - _firstTicks;
        var learned = history >= _warmUpTicks && _reservoir.Count >= MinBaselineSamples;
        double score = 0, rawScore = 0, lower = double.NaN, upper = double.NaN;
        var adaptive = HealthStatus.Ok;
        var expected = _center;
        var scale = _scale;
        var seasonal = false;
        if (!double.IsNaN(_center))
        {
            var offset = _seasonal.Offset(ticks, history);
            if (offset != 0)
            {
                seasonal = true;
                expected += offset;
                scale = Math.Max(ScaleFloor(expected), MeanAbsToSigma * _seasonal.SeasonalResidual);
            }
        }

        if (learned)
        {
            var halfWidth = _threshold.HalfWidth(scale);
            lower = _threshold.HasLower ? expected - halfWidth : double.NaN;
            upper = _threshold.HasUpper ? expected + halfWidth : double.NaN;
            var ratio = _threshold.Ratio(value, expected, scale);
            adaptive = AdaptiveThreshold.Severity(ratio);
            // The score measures novelty: a value no further out than the window has already been (on that side) cannot
            // exceed the firing ratio. Not applied on the seasonal path, where the window's extremes include the cycle.
            var novelty = ratio;
            if (ratio > 0 && !seasonal)
            {
                var excursionHalfWidth = (value >= expected ? _upperExcursion : _lowerExcursion) / FiringRatio;
                if (excursionHalfWidth > halfWidth) novelty = ratio * halfWidth / excursionHalfWidth;
            }

            score = rawScore = AdaptiveThreshold.Score(novelty);
            var quiet = ticks < _quietUntilTicks;
            if (quiet) score *= RearmFactor;
            if (novelty > FiringRatio && _rearmTicks > 0 && !quiet) _quietUntilTicks = ticks + _rearmTicks;
        }

        var fixedLevel = _threshold.StaticSeverity(value);
        var severity = adaptive.Worse(fixedLevel);
        var changed = _health.Update(ticks, severity);
        if (changed)
        {
            _causeValue = value;
            _causeLower = lower;
            _causeUpper = upper;
            _causeScore = rawScore;
            _causeStatic = fixedLevel >= adaptive ? fixedLevel : HealthStatus.Ok;
        }

        _lastScore = score;
        _lastLower = lower;
        _lastUpper = upper;
        Learn(ticks, history, value);
        _recent.Add((ticks - _firstTicks) / TimeSpan.TicksPerSecond, value, lower, upper);
        return new MetricObservation(_health.Status, score, Nullable(lower), Nullable(upper), changed);
    }

    /// <summary>Marks the metric Unknown when no sample came for <see cref="MetricSettings.StaleAfter"/> before <paramref name="now"/>; true if the status changed.</summary>
    public bool CheckStale(DateTimeOffset now)
    {
        if (_count == 0 || _settings.StaleAfter <= TimeSpan.Zero) return false;
        var staleAt = _lastTicks + _settings.StaleAfter.Ticks;
        return now.UtcTicks >= staleAt && _health.MarkStale(staleAt);
    }

    /// <summary>
    /// Approximate heap bytes held by one new detector (one object and the recent series' band ring; the metric name and
    /// settings are shared). The threshold, window, reservoir, seasonal profile, health and recent series are structs inside
    /// the detector, with their slots inline; the band ring grows only when more distinct bands are on the chart at once.
    /// </summary>
    public static int ApproximateBytes =>
        ObjectBytes(
            29 * 8 // the detector's own fields, with its threshold
            + 5 * 8 + RecentCapacity * (4 + 1 + 1) + 2 * 8 // recent series: state, value, gap and band slot per point, two arrays
            + 36 + RollingWindow.BucketCount * (4 + 4 * 8) // window
            + 68 + SampleReservoir.Capacity * (4 + 2) // reservoir
            + 96 + 31 * (4 + 1) // seasonal profile
            + 25 + 5 * (4 + 8)) // health
        + ArrayBytes(2 * 2 * 4, 1); // the band ring

    /// <summary>The wire view of the metric: status with reason, band, score, statistics and recent samples.</summary>
    public MetricHealth Snapshot()
    {
        var since = _health.SinceTicks == 0 ? (DateTimeOffset?)null : new DateTimeOffset(_health.SinceTicks, TimeSpan.Zero);
        var last = _count == 0 ? (DateTimeOffset?)null : new DateTimeOffset(_lastTicks, TimeSpan.Zero);
        return new MetricHealth(
            Metric,
            _health.Status,
            Reason(),
            since,
            _count == 0 ? null : _lastValue,
            last,
            Nullable(_lastLower),
            Nullable(_lastUpper),
            _lastScore,
            Statistics(),
            Recent());
    }

    /// <summary>The rolling statistics over the window ending at the last sample.</summary>
    public MetricStatistics Statistics()
    {
        var summary = _window.Summarize(_lastTicks);
        var sorted = _reservoir.SortedWindow(_lastTicks);
        double p50 = double.NaN, p95 = double.NaN, p99 = double.NaN, median = double.NaN, mad = double.NaN;
        if (sorted.Length > 0)
        {
            p50 = SortedArrayStatistics.Quantile(sorted, 0.5);
            p95 = SortedArrayStatistics.Quantile(sorted, 0.95);
            p99 = SortedArrayStatistics.Quantile(sorted, 0.99);
            median = SortedArrayStatistics.Median(sorted);
            var deviations = sorted.Select(v => Math.Abs(v - median)).ToArray();
            mad = ArrayStatistics.MedianInplace(deviations);
        }

        return new MetricStatistics(summary.Count, summary.Mean, summary.Count > 0 ? summary.StdDev : double.NaN,
            _count == 0 ? double.NaN : _ewma, summary.Min, summary.Max, p50, p95, p99, median, mad);
    }

    public MetricDetectorState ToState()
    {
        var state = new MetricDetectorState
        {
            WindowTicks = _settings.Window.Ticks,
            Count = _count,
            FirstTicks = _firstTicks,
            LastTicks = _lastTicks,
            LastValue = _lastValue,
            Ewma = _ewma,
            LastScore = _lastScore,
            LastLower = _lastLower,
            LastUpper = _lastUpper,
            QuietUntilTicks = _quietUntilTicks,
            Center = _center,
            Scale = _scale,
            UpperExcursion = _upperExcursion,
            LowerExcursion = _lowerExcursion,
            CauseValue = _causeValue,
            CauseLower = _causeLower,
            CauseUpper = _causeUpper,
            CauseScore = _causeScore,
            CauseStatic = _causeStatic,
            RecentSeconds = new int[_recent.Count],
            RecentValues = new float[_recent.Count],
            RecentLower = new float[_recent.Count],
            RecentUpper = new float[_recent.Count],
        };
        var seconds = _recent.Seconds();
        for (var i = 0; i < _recent.Count; i++)
        {
            state.RecentSeconds[i] = (int)Math.Clamp(seconds[i], int.MinValue, int.MaxValue);
            (state.RecentValues[i], state.RecentLower[i], state.RecentUpper[i]) = _recent[i];
        }

        _window.Save(state);
        _reservoir.Save(state);
        _seasonal.Save(state);
        _health.Save(state);
        return state;
    }

    /// <summary>
    /// Rebuilds a detector from <see cref="ToState"/>. If the window setting changed since, the window statistics and the
    /// baseline start afresh (the status, profile and recent samples are kept).
    /// </summary>
    public static MetricDetector FromState(string metric, MetricSettings settings, MetricDetectorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var d = new MetricDetector(metric, settings);
        if (state.Count <= 0) return d;
        d._count = state.Count;
        d._firstTicks = state.FirstTicks;
        d._lastTicks = state.LastTicks;
        d._lastValue = state.LastValue;
        d._ewma = state.Ewma;
        d._lastScore = state.LastScore;
        d._lastLower = state.LastLower;
        d._lastUpper = state.LastUpper;
        d._quietUntilTicks = state.QuietUntilTicks;
        d._causeValue = state.CauseValue;
        d._causeLower = state.CauseLower;
        d._causeUpper = state.CauseUpper;
        d._causeScore = state.CauseScore;
        d._causeStatic = state.CauseStatic;
        var n = Math.Min(RecentCapacity, state.RecentSeconds?.Length ?? 0);
        if (state.RecentValues?.Length >= n && state.RecentLower?.Length >= n && state.RecentUpper?.Length >= n)
        {
            var skip = (state.RecentSeconds?.Length ?? 0) - n;
            for (var i = 0; i < n; i++)
            {
                var seconds = Math.Max(state.RecentSeconds![skip + i], i == 0 ? 0 : d._recent.LastSeconds);
                d._recent.Add(seconds, state.RecentValues[skip + i], state.RecentLower[skip + i], state.RecentUpper[skip + i]);
            }
        }

        if (state.WindowTicks == settings.Window.Ticks)
        {
            d._window.Load(state);
            d._reservoir.Load(state);
            d._center = state.Center;
            d._scale = state.Scale;
            d._upperExcursion = state.UpperExcursion;
            d._lowerExcursion = state.LowerExcursion;
        }

        d._seasonal.Load(state);
        d._health.Load(state);
        return d;
    }

    private void Learn(long ticks, long history, double value)
    {
        if (!double.IsNaN(_center))
        {
            var clip = 4 * Math.Max(_scale, MeanAbsToSigma * _seasonal.SeasonalResidual);
            _seasonal.Learn(ticks, history, value - _center, clip);
        }

        if (!_reservoir.Offer(ticks, value)) return;
        if (_reservoir.AdmittedSinceRefresh >= RefreshEvery || _reservoir.Count < RefreshEvery) _reservoir.Refresh(ticks);
        else return;
        RefreshBaseline();
    }

    private void RefreshBaseline()
    {
        if (_reservoir.Count == 0) return;
        _center = _reservoir.Median;
        var spread = MadToSigma * _reservoir.Mad;
        var summary = _window.Summarize(_lastTicks);
        var sd = summary.Count > 1 ? summary.StdDev : 0;
        _scale = Math.Max(Math.Max(spread, MinSpreadOfStdDev * sd), ScaleFloor(_center));
        if (summary.Count > 0)
        {
            _upperExcursion = Math.Max(0, summary.Max - _center);
            _lowerExcursion = Math.Max(0, _center - summary.Min);
        }
    }

    private static double ScaleFloor(double center) => Math.Max(1e-3 * Math.Abs(center), 1e-9);

    private ImmutableArray<MetricPoint> Recent()
    {
        var builder = ImmutableArray.CreateBuilder<MetricPoint>(_recent.Count);
        var seconds = _recent.Seconds();
        for (var i = 0; i < _recent.Count; i++)
        {
            var (value, lower, upper) = _recent[i];
            var at = new DateTimeOffset(_firstTicks + seconds[i] * TimeSpan.TicksPerSecond, TimeSpan.Zero);
            builder.Add(new MetricPoint(at, value, Nullable(lower), Nullable(upper)));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Why the metric has its status (the same text as <see cref="MetricHealth.Reason"/> of <see cref="Snapshot"/>).</summary>
    public string Reason()
    {
        var status = _health.Status;
        if (status == HealthStatus.Unknown)
        {
            return _health.IsStale
                ? $"{Metric} stale: no sample since {Time(_lastTicks)}"
                : $"{Metric}: no data yet";
        }

        var since = Time(_health.SinceTicks);
        var unit = string.IsNullOrEmpty(_settings.Unit) ? "" : " " + _settings.Unit;
        if (status == HealthStatus.Ok)
        {
            // Healthy: describe the latest sample.
            return double.IsNaN(_lastLower) && double.IsNaN(_lastUpper)
                ? $"{Metric} {Number(_lastValue)}{unit}, learning its baseline until {Time(_firstTicks + _warmUpTicks)}"
                : $"{Metric} {Number(_lastValue)}{unit} within {Band(_lastLower, _lastUpper)}, ok since {since}";
        }

        // Raised: describe the sample that raised (or last lowered) the status.
        var value = Number(_causeValue);
        if (_causeStatic != HealthStatus.Ok)
        {
            var level = _causeStatic == HealthStatus.Critical ? _settings.Critical : _settings.Warning;
            var word = _settings.Direction == MetricDirection.LowerIsWorse ? "below" : "above";
            var name = _causeStatic == HealthStatus.Critical ? "critical" : "warning";
            return $"{Metric} {value}{unit} {word} {name} level {Number(level ?? double.NaN)} since {since}";
        }

        if (double.IsNaN(_causeLower) && double.IsNaN(_causeUpper)) return $"{Metric} {value}{unit} since {since}";
        var band = Band(_causeLower, _causeUpper);
        var side = !double.IsNaN(_causeUpper) && _causeValue > _causeUpper ? "above" : "below";
        return $"{Metric} {value}{unit} {side} {band} (score {_causeScore.ToString("0.00", CultureInfo.InvariantCulture)}) since {since}";
    }

    private static string Band(double lower, double upper) =>
        double.IsNaN(lower) ? $"upper band {Number(upper)}" : double.IsNaN(upper) ? $"lower band {Number(lower)}" : $"band {Number(lower)}-{Number(upper)}";

    private static string Time(long ticks) =>
        new DateTimeOffset(ticks, TimeSpan.Zero).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString(
        Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 1 ? "0.##" : "0.####", CultureInfo.InvariantCulture);

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    private static int ObjectBytes(int fieldBytes) => 16 + (fieldBytes + 7) / 8 * 8;

    private static int ArrayBytes(int payloadBytes, int arrays) => arrays * (24 + (payloadBytes + 7) / 8 * 8);
}
