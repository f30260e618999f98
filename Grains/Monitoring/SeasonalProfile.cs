using System.Runtime.CompilerServices;

namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// Learns how a metric departs from its rolling median by hour of day and, with two weeks of history, by day of week
/// (UTC hours of the sample timestamps). Samples are summed per clock hour; when an hour ends its mean residual updates its
/// hour-of-day slot (and its day-of-week slot), so the cost per sample is a few additions whatever the sampling rate.
/// The profile is used only once it has <see cref="MinHistory"/> of history and only while it explains the metric: the
/// recent mean absolute residual around median + profile must be clearly below that around the plain median.
/// </summary>
internal struct SeasonalProfile
{
    public static readonly TimeSpan MinHistory = TimeSpan.FromDays(3);
    private static readonly long MinHistoryTicks = MinHistory.Ticks;
    private static readonly long WeeklyHistoryTicks = TimeSpan.FromDays(14).Ticks;
    private const int MinHourVisits = 3;
    private const int MinDayHours = 24;
    private const float HourRate = 0.5f;
    private const float DayRate = 0.02f;
    private const double FitRate = 0.01;
    private const double Explains = 0.8;

    // Slots 0-23: hours of day; slots 24-30: days of week (Sunday first). Kept inline; the counts only
    // matter up to MinDayHours, so they saturate at 255 (a byte each).
    private const int Slots = 31;
    private PerSlot<float> _offset;
    private PerSlot<byte> _count;
    private double _plainResidual;
    private double _seasonalResidual;
    private double _fitWeight;

    // The clock hour being summed.
    private long _hourStart = long.MinValue;
    private int _hourSlot;
    private int _daySlot;
    private double _currentOffset;
    private bool _active;
    private int _samples;
    private double _sum;
    private double _plainSum;
    private double _seasonalSum;
    private long _history;

    public SeasonalProfile()
    {
    }

    /// <summary>Mean absolute residual of the metric around median + profile over the last days (a scale once active).</summary>
    public double SeasonalResidual => _fitWeight > 0 ? _seasonalResidual / _fitWeight : 0;

    /// <summary>The offset to add to the median at <paramref name="ticks"/>, or 0 while the profile does not apply.</summary>
    public double Offset(long ticks, long historyTicks)
    {
        Roll(ticks, historyTicks);
        return _active ? _currentOffset : 0;
    }

    /// <summary>Learns from a residual (value minus rolling median) observed at <paramref name="ticks"/>; residuals are clipped to <paramref name="clip"/> for the fit.</summary>
    public void Learn(long ticks, long historyTicks, double residual, double clip)
    {
        Roll(ticks, historyTicks);
        _samples++;
        _sum += residual;
        _plainSum += Math.Min(Math.Abs(residual), clip);
        _seasonalSum += Math.Min(Math.Abs(residual - _currentOffset), clip);
        _history = historyTicks;
    }

    // Closes the summed hour when ticks are in a later one, and prepares the offset of the new hour.
    private void Roll(long ticks, long historyTicks)
    {
        if ((ulong)(ticks - _hourStart) < (ulong)TimeSpan.TicksPerHour) return;
        if (_samples > 0) CloseHour();
        var hours = ticks / TimeSpan.TicksPerHour;
        _hourStart = hours * TimeSpan.TicksPerHour;
        _hourSlot = (int)(hours % 24);
        _daySlot = 24 + (int)((hours / 24 + 1) % 7); // 0001-01-01 was a Monday; Sunday = 0 as in DayOfWeek
        _currentOffset = SlotOffset(historyTicks);
        _active = historyTicks >= MinHistoryTicks && _seasonalResidual < Explains * _plainResidual && _currentOffset != 0;
    }

    private void CloseHour()
    {
        var n = (double)_samples;
        var h = _hourSlot;
        var c = _count[h];
        if (c >= MinHourVisits)
        {
            // Compare the fits only over hours the profile could predict (bias-corrected exponential means).
            _plainResidual += FitRate * (_plainSum / n - _plainResidual);
            _seasonalResidual += FitRate * (_seasonalSum / n - _seasonalResidual);
            _fitWeight += FitRate * (1 - _fitWeight);
        }

        var mean = (float)(_sum / n);
        _offset[h] += (c < 3 ? 1f / (c + 1) : HourRate) * (mean - _offset[h]);
        _count[h] = Increment(c);

        if (_history >= WeeklyHistoryTicks / 2)
        {
            var d = _daySlot;
            var dc = _count[d];
            _offset[d] += (dc < MinDayHours ? 1f / (dc + 1) : DayRate) * (mean - _offset[h] - _offset[d]);
            _count[d] = Increment(dc);
        }

        _samples = 0;
        _sum = _plainSum = _seasonalSum = 0;
    }

    private double SlotOffset(long historyTicks)
    {
        if (_count[_hourSlot] < MinHourVisits) return 0;
        double offset = _offset[_hourSlot];
        if (historyTicks >= WeeklyHistoryTicks && _count[_daySlot] >= MinDayHours) offset += _offset[_daySlot];
        return offset;
    }

    public void Save(MetricDetectorState state)
    {
        state.SeasonOffset = ((ReadOnlySpan<float>)_offset).ToArray();
        state.SeasonCount = new int[Slots];
        for (var i = 0; i < Slots; i++) state.SeasonCount[i] = _count[i];
        state.SeasonPlainResidual = _plainResidual;
        state.SeasonSeasonalResidual = _seasonalResidual;
        state.SeasonHourStart = _hourStart;
        state.SeasonCurrentOffset = _currentOffset;
        state.SeasonActive = _active;
        state.SeasonSamples = _samples;
        state.SeasonSum = _sum;
        state.SeasonPlainSum = _plainSum;
        state.SeasonSeasonalSum = _seasonalSum;
        state.SeasonHistory = _history;
        state.SeasonFitWeight = _fitWeight;
    }

    public void Load(MetricDetectorState state)
    {
        if (state.SeasonOffset is not { Length: Slots } || state.SeasonCount is not { Length: Slots }) return;
        state.SeasonOffset.CopyTo((Span<float>)_offset);
        for (var i = 0; i < Slots; i++) _count[i] = (byte)Math.Clamp(state.SeasonCount[i], 0, byte.MaxValue);
        _plainResidual = state.SeasonPlainResidual;
        _seasonalResidual = state.SeasonSeasonalResidual;
        _hourStart = state.SeasonHourStart;
        if (_hourStart != long.MinValue)
        {
            var hours = _hourStart / TimeSpan.TicksPerHour;
            _hourSlot = (int)(hours % 24);
            _daySlot = 24 + (int)((hours / 24 + 1) % 7);
        }

        _currentOffset = state.SeasonCurrentOffset;
        _active = state.SeasonActive;
        _samples = state.SeasonSamples;
        _sum = state.SeasonSum;
        _plainSum = state.SeasonPlainSum;
        _seasonalSum = state.SeasonSeasonalSum;
        _history = state.SeasonHistory;
        _fitWeight = state.SeasonFitWeight;
    }

    private static byte Increment(byte count) => count == byte.MaxValue ? count : (byte)(count + 1);

    [InlineArray(Slots)]
    private struct PerSlot<T>
    {
        private T _element;
    }
}
