using System.Runtime.CompilerServices;

namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// A bounded, evenly time-spaced sample of a sliding window: a sample is kept only if it comes at least
/// <c>window / Capacity</c> after the previously kept one, so at most <see cref="Capacity"/> samples span the window whatever
/// the sampling rate. Values are kept in single precision (7 significant digits) to halve the memory. The robust baseline (median and MAD) is computed from it by selection (no sort) in
/// <see cref="Refresh"/>, which the owner calls every few admissions; quantiles for display are computed on demand.
/// </summary>
internal sealed class SampleReservoir
{
    public const int Capacity = 64;

    private readonly long _windowTicks;
    private readonly long _spacingTicks;
    // Kept inline in the object rather than in arrays of their own (a reservoir per metric, many metrics per silo).
    private Slots<float> _values;
    private Slots<int> _seconds;
    private long _originTicks = long.MinValue;
    private int _next;
    private int _size;
    private long _lastAdmitted = long.MinValue;

    public SampleReservoir(TimeSpan window)
    {
        _windowTicks = Math.Max(1, window.Ticks);
        _spacingTicks = _windowTicks / Capacity;
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
        _values[_next] = (float)value;
        _seconds[_next] = Seconds(ticks);
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
        var oldest = Seconds(nowTicks - _windowTicks);
        var n = 0;
        for (var i = 0; i < _size; i++)
        {
            if (_seconds[i] > oldest) destination[n++] = _values[i];
        }

        return n;
    }

    // Whole seconds since the first kept sample (the window is cut at second resolution).
    private int Seconds(long ticks) => (int)Math.Clamp((ticks - _originTicks) / TimeSpan.TicksPerSecond, int.MinValue, int.MaxValue);

    public void Save(MetricDetectorState state)
    {
        state.ReservoirValues = ((ReadOnlySpan<float>)_values)[.._size].ToArray();
        state.ReservoirSeconds = ((ReadOnlySpan<int>)_seconds)[.._size].ToArray();
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
        seconds.CopyTo((Span<int>)_seconds);
        _originTicks = state.ReservoirOriginTicks;
        _size = values.Length;
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
