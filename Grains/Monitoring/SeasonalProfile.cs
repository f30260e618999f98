namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// Learns how a metric departs from its rolling median by hour of day and, with two weeks of history, by day of week
/// (UTC hours of the sample timestamps). It is used only once it has <see cref="MinHistory"/> of history and only while it
/// explains the metric: its recent mean absolute residual must be clearly below that of the plain median.
/// </summary>
internal sealed class SeasonalProfile
{
    public static readonly TimeSpan MinHistory = TimeSpan.FromDays(3);
    private static readonly long MinHistoryTicks = MinHistory.Ticks;
    private static readonly long WeeklyHistoryTicks = TimeSpan.FromDays(14).Ticks;
    private const int MinSlotSamples = 3;
    private const float SlotRate = 0.15f;
    private const double FitRate = 0.01;

    // Slots 0-23: hours of day; slots 24-30: days of week (Sunday first).
    private readonly float[] _offset = new float[31];
    private readonly int[] _count = new int[31];
    private double _plainResidual;
    private double _seasonalResidual;
    private long _hourStart = long.MaxValue;
    private int _hourSlot;
    private int _daySlot;

    /// <summary>Mean absolute residual of the metric around median + profile (a robust scale once active).</summary>
    public double SeasonalResidual => _seasonalResidual;

    /// <summary>The offset to add to the median at <paramref name="ticks"/>, or 0 while the profile does not apply.</summary>
    public double Offset(long ticks, long historyTicks)
    {
        if (historyTicks < MinHistoryTicks || !(_seasonalResidual < 0.8 * _plainResidual)) return 0;
        return RawOffset(ticks, historyTicks);
    }

    /// <summary>True when <see cref="Offset"/> currently applies.</summary>
    public bool IsActive(long historyTicks) => historyTicks >= MinHistoryTicks && _seasonalResidual < 0.8 * _plainResidual;

    /// <summary>Learns from a residual (value minus rolling median) observed at <paramref name="ticks"/>.</summary>
    public void Learn(long ticks, long historyTicks, double residual, double clip)
    {
        var predicted = RawOffset(ticks, historyTicks);
        var plain = Math.Min(Math.Abs(residual), clip);
        var seasonal = Math.Min(Math.Abs(residual - predicted), clip);
        _plainResidual += FitRate * (plain - _plainResidual);
        _seasonalResidual += FitRate * (seasonal - _seasonalResidual);

        Locate(ticks);
        var h = _hourSlot;
        var c = _count[h];
        var rate = c < 6 ? 1f / (c + 1) : SlotRate;
        _offset[h] += rate * ((float)residual - _offset[h]);
        if (c < int.MaxValue) _count[h] = c + 1;

        if (historyTicks < WeeklyHistoryTicks / 2) return;
        var d = _daySlot;
        var dc = _count[d];
        var dayRate = dc < 6 ? 1f / (dc + 1) : SlotRate / 4;
        _offset[d] += dayRate * ((float)(residual - _offset[h]) - _offset[d]);
        if (dc < int.MaxValue) _count[d] = dc + 1;
    }

    private double RawOffset(long ticks, long historyTicks)
    {
        Locate(ticks);
        var h = _hourSlot;
        if (_count[h] < MinSlotSamples) return 0;
        double offset = _offset[h];
        if (historyTicks >= WeeklyHistoryTicks)
        {
            var d = _daySlot;
            if (_count[d] >= MinSlotSamples) offset += _offset[d];
        }

        return offset;
    }

    // Finds the hour-of-day slot (0-23) and day-of-week slot (24 + DayOfWeek) of ticks, cached for the current hour.
    private void Locate(long ticks)
    {
        if ((ulong)(ticks - _hourStart) < (ulong)TimeSpan.TicksPerHour) return;
        var hours = ticks / TimeSpan.TicksPerHour;
        _hourStart = hours * TimeSpan.TicksPerHour;
        _hourSlot = (int)(hours % 24);
        _daySlot = 24 + (int)((hours / 24 + 1) % 7); // 0001-01-01 was a Monday; Sunday = 0 as in DayOfWeek
    }

    public void Save(MetricDetectorState state)
    {
        state.SeasonOffset = [.. _offset];
        state.SeasonCount = [.. _count];
        state.SeasonPlainResidual = _plainResidual;
        state.SeasonSeasonalResidual = _seasonalResidual;
    }

    public void Load(MetricDetectorState state)
    {
        if (state.SeasonOffset is not { Length: 31 } || state.SeasonCount is not { Length: 31 }) return;
        state.SeasonOffset.CopyTo(_offset, 0);
        state.SeasonCount.CopyTo(_count, 0);
        _plainResidual = state.SeasonPlainResidual;
        _seasonalResidual = state.SeasonSeasonalResidual;
    }
}
