namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// Exact count, mean, variance, minimum and maximum over a sliding time window, in bounded memory: the window is cut into
/// <see cref="BucketCount"/> time buckets, each keeping its own moments; a bucket that falls out of the window is reused.
/// The window therefore slides in steps of <c>window / BucketCount</c>. Sums are kept relative to the first value seen,
/// which keeps the variance accurate for large values with a small spread.
/// </summary>
internal sealed class RollingWindow
{
    public const int BucketCount = 12;

    private readonly long _bucketTicks;
    private readonly long[] _index = new long[BucketCount];
    private readonly int[] _count = new int[BucketCount];
    private readonly double[] _sum = new double[BucketCount];
    private readonly double[] _sumSquares = new double[BucketCount];
    private readonly double[] _min = new double[BucketCount];
    private readonly double[] _max = new double[BucketCount];
    private double _reference = double.NaN;
    private long _lastIndex = long.MinValue;

    public RollingWindow(TimeSpan window)
    {
        _bucketTicks = Math.Max(1, window.Ticks / BucketCount);
        Array.Fill(_index, long.MinValue);
    }

    /// <summary>Adds a sample; timestamps earlier than the latest one are counted in the latest bucket.</summary>
    public void Add(long ticks, double value)
    {
        if (double.IsNaN(_reference)) _reference = value;
        var index = Math.Max(ticks / _bucketTicks, _lastIndex);
        _lastIndex = index;
        var slot = (int)(index % BucketCount);
        var d = value - _reference;
        if (_index[slot] != index)
        {
            _index[slot] = index;
            _count[slot] = 1;
            _sum[slot] = d;
            _sumSquares[slot] = d * d;
            _min[slot] = value;
            _max[slot] = value;
            return;
        }

        _count[slot]++;
        _sum[slot] += d;
        _sumSquares[slot] += d * d;
        if (value < _min[slot]) _min[slot] = value;
        if (value > _max[slot]) _max[slot] = value;
    }

    /// <summary>Statistics of the buckets that overlap the window ending at <paramref name="nowTicks"/>.</summary>
    public WindowSummary Summarize(long nowTicks)
    {
        var newest = Math.Max(nowTicks / _bucketTicks, _lastIndex);
        long n = 0;
        double sum = 0, squares = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < BucketCount; i++)
        {
            if (_index[i] == long.MinValue || _index[i] <= newest - BucketCount) continue;
            n += _count[i];
            sum += _sum[i];
            squares += _sumSquares[i];
            min = Math.Min(min, _min[i]);
            max = Math.Max(max, _max[i]);
        }

        if (n == 0) return new WindowSummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        var meanOffset = sum / n;
        var variance = n > 1 ? Math.Max(0, (squares - sum * meanOffset) / (n - 1)) : 0;
        return new WindowSummary(n, _reference + meanOffset, variance, min, max);
    }

    /// <summary>Writes the buckets into <paramref name="state"/>.</summary>
    public void Save(MetricDetectorState state)
    {
        state.BucketIndex = [.. _index];
        state.BucketCount = [.. _count];
        state.BucketSum = [.. _sum];
        state.BucketSumSquares = [.. _sumSquares];
        state.BucketMin = [.. _min];
        state.BucketMax = [.. _max];
        state.BucketReference = _reference;
        state.BucketLastIndex = _lastIndex;
    }

    /// <summary>Restores the buckets saved by <see cref="Save"/>; leaves the window empty if the layout does not match.</summary>
    public void Load(MetricDetectorState state)
    {
        if (state.BucketIndex is not { Length: BucketCount } || state.BucketCount is not { Length: BucketCount }
            || state.BucketSum is not { Length: BucketCount } || state.BucketSumSquares is not { Length: BucketCount }
            || state.BucketMin is not { Length: BucketCount } || state.BucketMax is not { Length: BucketCount })
        {
            return;
        }

        state.BucketIndex.CopyTo(_index, 0);
        state.BucketCount.CopyTo(_count, 0);
        state.BucketSum.CopyTo(_sum, 0);
        state.BucketSumSquares.CopyTo(_sumSquares, 0);
        state.BucketMin.CopyTo(_min, 0);
        state.BucketMax.CopyTo(_max, 0);
        _reference = state.BucketReference;
        _lastIndex = state.BucketLastIndex;
    }
}
