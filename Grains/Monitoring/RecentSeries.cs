using System.Runtime.CompilerServices;

namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// A metric's most recent samples for charting, as a ring of up to <see cref="Capacity"/> points: the seconds since the
/// previous point, the value and the adaptive band it was judged against, in single precision. A gap of more than
/// <see cref="ushort.MaxValue"/> seconds (about 18 h) starts the series afresh. A gap takes one byte; its high byte, for
/// gaps of 256 s or more (a metric sampled every few minutes, or a pause), is kept in an array made when first needed.
/// <para>
/// The band only moves when the baseline refreshes (every few reservoir admissions) or the seasonal hour changes, so
/// consecutive points nearly always share it: each distinct band is stored once, in a small ring of its own, and a point
/// refers to its band by a one-byte slot. The band ring grows (never shrinks, so a warm series allocates nothing) to the
/// most distinct bands the series has held at once, typically a few. That keeps a full series near 0.8 KB instead of the
/// 1.7 KB a band per point takes.
/// </para>
/// </summary>
internal struct RecentSeries
{
    public const int Capacity = 120;
    private const int InitialBands = 2;

    // Kept inline, in the detector that holds this struct, rather than in arrays of their own (a series per metric, many
    // metrics per silo).
    private Points<float> _values;
    private Points<byte> _gaps;
    private byte[]? _gapHighBytes;
    private Points<byte> _bandOf;
    private float[] _bands = new float[2 * InitialBands]; // lower, upper of each band slot
    private int _bandFirst;
    private int _bandCount;
    private int _next;

    public RecentSeries()
    {
    }

    /// <summary>How many points the series holds.</summary>
    public int Count { get; private set; }

    /// <summary>Seconds (on the owner's clock) of the newest point.</summary>
    public long LastSeconds { get; private set; }

    /// <summary>Distinct bands held (for tests and memory accounting).</summary>
    public int BandCount => _bandCount;

    /// <summary>Appends a point at <paramref name="seconds"/> (not before <see cref="LastSeconds"/>); NaN bounds mean no band on that side.</summary>
    public void Add(long seconds, double value, double lower, double upper)
    {
        if (seconds - LastSeconds > ushort.MaxValue) Clear();
        var gap = Count == 0 ? 0 : (int)(seconds - LastSeconds);
        LastSeconds = seconds;
        if (Count == Capacity)
        {
            // The oldest point is overwritten: bands older than the next-oldest point's are no longer referenced.
            var oldest = _bandOf[_next == Capacity - 1 ? 0 : _next + 1];
            _bandCount -= (oldest - _bandFirst) & BandMask;
            _bandFirst = oldest;
        }

        _bandOf[_next] = BandSlot((float)lower, (float)upper);
        _values[_next] = (float)value;
        _gaps[_next] = (byte)gap;
        if (gap > byte.MaxValue) _gapHighBytes ??= new byte[Capacity];
        if (_gapHighBytes is not null) _gapHighBytes[_next] = (byte)(gap >> 8);
        _next = _next == Capacity - 1 ? 0 : _next + 1;
        if (Count < Capacity) Count++;
    }

    /// <summary>The <paramref name="i"/>-th point, oldest first: value and band bounds (NaN where there is none).</summary>
    public (float Value, float Lower, float Upper) this[int i]
    {
        get
        {
            var slot = Slot(i);
            var band = _bandOf[slot];
            return (_values[slot], _bands[2 * band], _bands[2 * band + 1]);
        }
    }

    /// <summary>The seconds of every point, oldest first.</summary>
    public long[] Seconds()
    {
        var seconds = new long[Count];
        var t = LastSeconds;
        for (var i = Count - 1; i >= 0; i--)
        {
            seconds[i] = t;
            var slot = Slot(i);
            t -= _gaps[slot] | (_gapHighBytes is null ? 0 : _gapHighBytes[slot] << 8);
        }

        return seconds;
    }

    // The band ring's capacity is a power of two (2 to 128), so slots wrap with a mask.
    private int BandCapacity => _bands.Length / 2;

    private int BandMask => BandCapacity - 1;

    private int Slot(int i) => (_next - Count + i + Capacity) % Capacity;

    private void Clear()
    {
        Count = 0;
        _bandCount = 0;
        _bandFirst = 0;
    }

    // The slot of the band (lower, upper): the newest band when it is the same (bit for bit, so NaN matches NaN), else a new one.
    private byte BandSlot(float lower, float upper)
    {
        if (_bandCount > 0)
        {
            var newest = (_bandFirst + _bandCount - 1) & BandMask;
            if (BitConverter.SingleToInt32Bits(_bands[2 * newest]) == BitConverter.SingleToInt32Bits(lower)
                && BitConverter.SingleToInt32Bits(_bands[2 * newest + 1]) == BitConverter.SingleToInt32Bits(upper))
            {
                return (byte)newest;
            }
        }

        if (_bandCount == BandCapacity) Grow(2 * BandCapacity);
        var slot = (_bandFirst + _bandCount) & BandMask;
        _bands[2 * slot] = lower;
        _bands[2 * slot + 1] = upper;
        _bandCount++;
        return (byte)slot;
    }

    // Moves the live bands to the start of a larger ring and renumbers the points' references.
    private void Grow(int capacity)
    {
        var old = BandCapacity;
        var bands = new float[2 * capacity];
        for (var b = 0; b < _bandCount; b++)
        {
            var from = (_bandFirst + b) & (old - 1);
            bands[2 * b] = _bands[2 * from];
            bands[2 * b + 1] = _bands[2 * from + 1];
        }

        for (var i = 0; i < Count; i++)
        {
            var slot = Slot(i);
            _bandOf[slot] = (byte)((_bandOf[slot] - _bandFirst) & (old - 1));
        }

        _bands = bands;
        _bandFirst = 0;
    }

    [InlineArray(Capacity)]
    private struct Points<T>
    {
        private T _element;
    }
}
