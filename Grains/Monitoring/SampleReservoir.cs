using System.Runtime.CompilerServices;

namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// A bounded, evenly time-spaced sample of a sliding window: a sample is kept only if it comes at least
/// <c>window / Capacity</c> after the previously kept one, so at most <see cref="Capacity"/> samples span the window whatever
/// the sampling rate. Values are kept in single precision (7 significant digits) to halve the memory. The robust baseline
/// (median and MAD) is computed from it by selection (no sort) in <see cref="Refresh"/>, which the owner calls every few
/// admissions; quantiles for display are computed on demand.
/// <para>
/// Times are kept in two bytes each: whole time units (a second, or a window / <see cref="WindowUnits"/> for windows above
/// 2 h 16 min) since an origin that moves forward when the newest sample would not fit, which only forgets the times of
/// samples more than three windows old (they are outside the window whatever their time).
/// </para>
/// </summary>
internal struct SampleReservoir
{
    public const int Capacity = 64;

    /// <summary>The window spans at most this many time units (so the window is cut at 1/8192 of its length or finer).</summary>
    public const int WindowUnits = 8192;

    // Where the newest time lands after the origin moves: room for as many units again before the next move.
    private const int Headroom = 1 << 15;

    private readonly long _windowTicks;
    private readonly long _spacingTicks;
    private readonly int _unitSeconds;
    // Kept inline, in the detector that holds this struct, rather than in arrays of their own (a reservoir per metric,
    // many metrics per silo).
    private Slots<float> _values;
    private Slots<ushort> _units;
    private long _originTicks = long.MinValue;
    private int _next;
    private int _size;
    private long _lastAdmitted = long.MinValue;

    public SampleReservoir(TimeSpan window)
    {
        _windowTicks = Math.Max(1, window.Ticks);
        _spacingTicks = _windowTicks / Capacity;
        var windowSeconds = (_windowTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        _unitSeconds = (int)Math.Max(1, (windowSeconds + WindowUnits - 1) / WindowUnits);
    }

    /// <summary>Samples kept since the last <see cref="Refresh"/>.</summary>
    public int AdmittedSinceRefresh { get; private set; }

    /// <summary>Samples inside the window at the last <see cref="Refresh"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Median at the last <see cref="Refresh"/>; NaN if empty.</summary>
    public double Median { get; private set; } = double.NaN;

    /// <summary>Median absolute deviation from <see cref="Median"/> at the last <see cref="Refresh"/>; NaN if empty.</summary>
    public double Mad { get; private set; } = double.NaN;

    /// <summary>Keeps the sample if it is due; returns whether it was kept.</summary>
    public bool Offer(long ticks, double value)
    {
        if (_size > 0 && ticks - _lastAdmitted < _spacingTicks) return false;
        _lastAdmitted = ticks;
        if (_originTicks == long.MinValue) _originTicks = ticks;
        var units = Units(ticks);
        if (units > ushort.MaxValue) units -= MoveOrigin(units - Headroom);
        _values[_next] = (float)value;
        _units[_next] = (ushort)units;
        _next = (_next + 1) % Capacity;
        if (_size < Capacity) _size++;
        AdmittedSinceRefresh++;
        return true;
    }

    /// <summary>Recomputes <see cref="Count"/>, <see cref="Median"/> and <see cref="Mad"/> over the window ending at <paramref name="nowTicks"/>.</summary>
    public void Refresh(long nowTicks)
    {
        Span<double> scratch = stackalloc double[Capacity];
        var n = CopyWindow(nowTicks, scratch);
        AdmittedSinceRefresh = 0;
        Count = n;
        if (n == 0)
        {
            Median = Mad = double.NaN;
            return;
        }

        var values = scratch[..n];
        var median = Selection.Median(values);
        for (var i = 0; i < n; i++) values[i] = Math.Abs(values[i] - median);
        Median = median;
        Mad = Selection.Median(values);
    }

    /// <summary>The values inside the window ending at <paramref name="nowTicks"/>, sorted ascending (allocates; for display).</summary>
    public double[] SortedWindow(long nowTicks)
    {
        Span<double> scratch = stackalloc double[Capacity];
        var n = CopyWindow(nowTicks, scratch);
        var sorted = scratch[..n].ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private int CopyWindow(long nowTicks, Span<double> destination)
    {
        if (_size == 0) return 0;
        var oldest = Units(nowTicks - _windowTicks);
        var n = 0;
        for (var i = 0; i < _size; i++)
        {
            if (_units[i] > oldest) destination[n++] = _values[i];
        }

        return n;
    }

    // Whole time units since the origin, rounded down (the window is cut at unit resolution).
    private long Units(long ticks)
    {
        var unitTicks = _unitSeconds * TimeSpan.TicksPerSecond;
        var elapsed = ticks - _originTicks;
        return elapsed >= 0 ? elapsed / unitTicks : (elapsed - unitTicks + 1) / unitTicks;
    }

    // Moves the origin forward by `shift` units; times that would fall before it become 0 (far outside any window). Returns the shift.
    private long MoveOrigin(long shift)
    {
        for (var i = 0; i < _size; i++) _units[i] = (ushort)Math.Max(0, _units[i] - shift);
        _originTicks += shift * _unitSeconds * TimeSpan.TicksPerSecond;
        return shift;
    }

    public void Save(MetricDetectorState state)
    {
        state.ReservoirValues = ((ReadOnlySpan<float>)_values)[.._size].ToArray();
        var seconds = new int[_size];
        for (var i = 0; i < _size; i++) seconds[i] = _units[i] * _unitSeconds;
        state.ReservoirSeconds = seconds;
        state.ReservoirOriginTicks = _originTicks;
        state.ReservoirSinceRefresh = AdmittedSinceRefresh;
        state.ReservoirCount = Count;
        state.ReservoirMedian = Median;
        state.ReservoirMad = Mad;
        state.ReservoirNext = _next;
        state.ReservoirLastAdmitted = _lastAdmitted;
    }

    public void Load(MetricDetectorState state)
    {
        var values = state.ReservoirValues ?? [];
        var seconds = state.ReservoirSeconds ?? [];
        if (values.Length != seconds.Length || values.Length > Capacity) return;
        values.CopyTo((Span<float>)_values);
        _originTicks = state.ReservoirOriginTicks;
        _size = values.Length;
        var newest = seconds.Length == 0 ? 0 : seconds.Max() / _unitSeconds;
        var shift = newest > ushort.MaxValue ? newest - Headroom : 0;
        for (var i = 0; i < _size; i++) _units[i] = (ushort)Math.Clamp(seconds[i] / _unitSeconds - shift, 0, ushort.MaxValue);
        _originTicks += (long)shift * _unitSeconds * TimeSpan.TicksPerSecond;
        _next = _size < Capacity ? _size : Math.Clamp(state.ReservoirNext, 0, Capacity - 1);
        _lastAdmitted = state.ReservoirLastAdmitted;
        AdmittedSinceRefresh = state.ReservoirSinceRefresh;
        Count = state.ReservoirCount;
        Median = state.ReservoirMedian;
        Mad = state.ReservoirMad;
    }

    [InlineArray(Capacity)]
    private struct Slots<T>
    {
        private T _element;
    }
}
