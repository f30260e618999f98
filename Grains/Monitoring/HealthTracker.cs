using System.Runtime.CompilerServices;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Monitoring;

/// <summary>
/// Hysteresis and persistence of a metric's status. A status is raised to level L once <c>raiseAfter</c> consecutive samples
/// reach at least L (since the first of them); it is lowered once <c>clearAfter</c> consecutive samples stay below the
/// current status, to the highest level still sustained (often Ok). Unknown until the first sample, and again when stale.
/// </summary>
internal struct HealthTracker
{
    private readonly int _raiseAfter;
    private readonly int _clearAfter;
    // Per status level (index 1-4; 0 unused), kept inline rather than in arrays of their own.
    private PerLevel<int> _run;
    private PerLevel<long> _runStart;
    private int _belowRun;

    public HealthTracker(int raiseAfter, int clearAfter)
    {
        _raiseAfter = Math.Max(1, raiseAfter);
        _clearAfter = Math.Max(1, clearAfter);
    }

    public HealthStatus Status { get; private set; } = HealthStatus.Unknown;

    /// <summary>Data time (UTC ticks) since which <see cref="Status"/> holds; 0 before the first sample.</summary>
    public long SinceTicks { get; private set; }

    /// <summary>True after <see cref="MarkStale"/> until the next sample.</summary>
    public bool IsStale { get; private set; }

    /// <summary>Feeds the severity of one sample; returns true if <see cref="Status"/> changed.</summary>
    public bool Update(long ticks, HealthStatus severity)
    {
        // The common case: healthy and no breach under way (a run at a level implies a run at level 1).
        if (severity == HealthStatus.Ok && Status == HealthStatus.Ok && _run[1] == 0) return false;

        var changed = false;
        if (Status == HealthStatus.Unknown)
        {
            Status = HealthStatus.Ok;
            SinceTicks = ticks;
            IsStale = false;
            changed = true;
        }

        var s = (int)severity;
        var sustained = 0;
        for (var level = 1; level <= 4; level++)
        {
            if (s >= level)
            {
                if (_run[level] == 0) _runStart[level] = ticks;
                _run[level]++;
                if (_run[level] >= _raiseAfter) sustained = level;
            }
            else
            {
                _run[level] = 0;
            }
        }

        var current = (int)Status;
        if (sustained > current)
        {
            Status = (HealthStatus)sustained;
            SinceTicks = _runStart[sustained];
            _belowRun = 0;
            return true;
        }

        _belowRun = s < current ? _belowRun + 1 : 0;
        if (_belowRun >= _clearAfter && sustained < current)
        {
            Status = (HealthStatus)sustained;
            SinceTicks = ticks;
            _belowRun = 0;
            return true;
        }

        return changed;
    }

    /// <summary>Marks the metric Unknown from <paramref name="sinceTicks"/>; returns true if that changed the status.</summary>
    public bool MarkStale(long sinceTicks)
    {
        if (Status == HealthStatus.Unknown) return false;
        Status = HealthStatus.Unknown;
        SinceTicks = sinceTicks;
        IsStale = true;
        ((Span<int>)_run).Clear();
        _belowRun = 0;
        return true;
    }

    public void Save(MetricDetectorState state)
    {
        state.Status = Status;
        state.SinceTicks = SinceTicks;
        state.IsStale = IsStale;
        state.HealthRun = ((ReadOnlySpan<int>)_run).ToArray();
        state.HealthRunStart = ((ReadOnlySpan<long>)_runStart).ToArray();
        state.HealthBelowRun = _belowRun;
    }

    public void Load(MetricDetectorState state)
    {
        Status = state.Status;
        SinceTicks = state.SinceTicks;
        IsStale = state.IsStale;
        if (state.HealthRun is { Length: 5 } run && state.HealthRunStart is { Length: 5 } start)
        {
            run.CopyTo((Span<int>)_run);
            start.CopyTo((Span<long>)_runStart);
        }

        _belowRun = state.HealthBelowRun;
    }

    [InlineArray(5)]
    private struct PerLevel<T>
    {
        private T _element;
    }
}
