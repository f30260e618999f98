using System.Runtime.CompilerServices;

namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// Exact count, mean, variance, minimum and maximum over a sliding time window, in bounded memory: the window is cut into
/// <see cref="BucketCount"/> time buckets, each keeping its own moments; a bucket that falls out of the window is reused.
/// The window therefore slides in steps of <c>window / BucketCount</c>. Sums are kept relative to the first value seen,
/// which keeps the variance accurate for large values with a small spread.
/// </summary>
internal struct RollingWindow
{
    public const int BucketCount = 12;

    private readonly long _bucketTicks;
    // Kept inline, in the detector that holds this struct, rather than in arrays of their own (a window per metric, many
    // metrics per silo). Slot s holds the latest bucket up to _lastIndex whose index is s modulo BucketCount, or nothing
    // (count 0): the slots of buckets that got no samples are emptied as the window moves, so a slot's index follows from
    // _lastIndex and need not be kept.
    private PerBucket<int> _count;
    // Per bucket, four moments side by side: sum, sum of squares (both relative to _reference), min, max.
    private Moments _moments;
    private double _reference = double.NaN;
    private long _lastIndex = long.MinValue;
    private long _bucketEnd = long.MinValue;
    private int _slot;

    public RollingWindow(TimeSpan window)
    {
        _bucketTicks = Math.Max(1, window.Ticks / BucketCount);
    }

    /// <summary>Adds a sample; timestamps earlier than the latest one are counted in the latest bucket.</summary>
    public void Add(long ticks, double value)
    {
        if (double.IsNaN(_reference)) _reference = value;
        var d = value - _reference;
        var slot = _slot;
        if (ticks >= _bucketEnd)
        {
            var index = Math.Max(ticks / _bucketTicks, _lastIndex);
            if (index != _lastIndex)
            {
                // The buckets since the last one got no samples: empty their slots (every slot after a gap of a window).
                var moved = _lastIndex == long.MinValue ? BucketCount : Math.Min(index - _lastIndex, BucketCount);
                for (var k = 0; k < moved; k++) _count[(int)((index - k) % BucketCount)] = 0;
                _lastIndex = index;
            }

            _bucketEnd = (index + 1) * _bucketTicks;
            slot = _slot = (int)(index % BucketCount);
            if (_count[slot] == 0)
            {
                _count[slot] = 1;
                _moments[slot * 4] = d;
                _moments[slot * 4 + 1] = d * d;
                _moments[slot * 4 + 2] = value;
                _moments[slot * 4 + 3] = value;
                return;
            }
        }

        _count[slot]++;
        var m = ((Span<double>)_moments).Slice(slot * 4, 4);
        m[0] += d;
        m[1] += d * d;
        if (value < m[2]) m[2] = value;
        if (value > m[3]) m[3] = value;
    }

    /// <summary>Statistics of the buckets that overlap the window ending at <paramref name="nowTicks"/>.</summary>
    public WindowSummary Summarize(long nowTicks)
    {
        var newest = Math.Max(nowTicks / _bucketTicks, _lastIndex);
        long n = 0;
        double sum = 0, squares = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < BucketCount; i++)
        {
            if (_count[i] == 0 || IndexOf(i) <= newest - BucketCount) continue;
            n += _count[i];
            sum += _moments[i * 4];
            squares += _moments[i * 4 + 1];
            min = Math.Min(min, _moments[i * 4 + 2]);
            max = Math.Max(max, _moments[i * 4 + 3]);
        }

        if (n == 0) return new WindowSummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        var meanOffset = sum / n;
        var variance = n > 1 ? Math.Max(0, (squares - sum * meanOffset) / (n - 1)) : 0;
        return new WindowSummary(n, _reference + meanOffset, variance, min, max);
    }

    /// <summary>Writes the buckets into <paramref name="state"/>.</summary>
    public void Save(MetricDetectorState state)
    {
        state.BucketIndex = new long[BucketCount];
        for (var i = 0; i < BucketCount; i++) state.BucketIndex[i] = _count[i] == 0 ? long.MinValue : IndexOf(i);
        state.BucketCount = ((ReadOnlySpan<int>)_count).ToArray();
        state.BucketMoments = ((ReadOnlySpan<double>)_moments).ToArray();
        state.BucketReference = _reference;
        state.BucketLastIndex = _lastIndex;
    }

    /// <summary>Restores the buckets saved by <see cref="Save"/>; leaves the window empty if the layout does not match.</summary>
    public void Load(MetricDetectorState state)
    {
        if (state.BucketIndex is not { Length: BucketCount } || state.BucketCount is not { Length: BucketCount }
            || state.BucketMoments is not { Length: BucketCount * 4 })
        {
            return;
        }

        state.BucketCount.CopyTo((Span<int>)_count);
        state.BucketMoments.CopyTo((Span<double>)_moments);
        _reference = state.BucketReference;
        _lastIndex = state.BucketLastIndex;
        if (_lastIndex < 0)
        {
            _lastIndex = long.MinValue;
            ((Span<int>)_count).Clear();
            return;
        }

        _bucketEnd = (_lastIndex + 1) * _bucketTicks;
        _slot = (int)(_lastIndex % BucketCount);
        for (var i = 0; i < BucketCount; i++)
        {
            // A slot whose saved bucket is not the one its place implies is outside the window: empty.
            if (state.BucketIndex[i] != IndexOf(i)) _count[i] = 0;
        }
    }

    // The index of the bucket slot s holds (when its count is above 0).
    private long IndexOf(int slot) => _lastIndex - (_lastIndex % BucketCount - slot + BucketCount) % BucketCount;

    [InlineArray(BucketCount)]
    private struct PerBucket<T>
    {
        private T _element;
    }

    [InlineArray(BucketCount * 4)]
    private struct Moments
    {
        private double _element;
    }
}
