namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Finds the highest sustainable rate: a step is sustained when its achieved rate is at least
/// <see cref="MinAchievedShare"/> of the target, its p99 latency is within the bound and it had no errors. The search
/// multiplies the rate by <see cref="Growth"/> while steps are sustained, then bisects between the best sustained and the
/// lowest failed rate until they are within <see cref="Precision"/> of each other or the step budget is spent.
/// </summary>
internal sealed class RampSearch(double startRate, double growth, double p99BoundMs, int maxSteps, double precision = 0.1, double minAchievedShare = 0.95)
{
    private readonly List<RampStep> _steps = [];
    private double? _failed;

    public double Growth { get; } = growth > 1 ? growth : throw new ArgumentOutOfRangeException(nameof(growth), "must be above 1");

    public double Precision { get; } = precision;

    public double MinAchievedShare { get; } = minAchievedShare;

    public IReadOnlyList<RampStep> Steps => _steps;

    /// <summary>The highest sustained rate so far, or null when no step was sustained.</summary>
    public double? Sustainable { get; private set; }

    /// <summary>The rate of the next step, or null when the search is over.</summary>
    public double? Next()
    {
        if (_steps.Count >= maxSteps) return null;
        if (_steps.Count == 0) return startRate;
        if (_failed is not { } failed) return Sustainable!.Value * Growth;
        var good = Sustainable ?? 0;
        if (good == 0) return _steps.Count < maxSteps && failed / Growth >= startRate / 64 ? failed / Growth : null;
        return failed - good <= Precision * good ? null : Math.Round((good + failed) / 2);
    }

    /// <summary>Records a step's outcome (with the CPU this process used, for the report); returns whether it was sustained.</summary>
    public bool Record(double targetRate, double achievedRate, double p99Ms, long errors, double coresUsed = double.NaN)
    {
        var sustained = achievedRate >= MinAchievedShare * targetRate && p99Ms <= p99BoundMs && errors == 0;
        _steps.Add(new RampStep(targetRate, achievedRate, p99Ms, errors, sustained, coresUsed));
        if (sustained)
        {
            if (Sustainable is null || targetRate > Sustainable) Sustainable = targetRate;
        }
        else if (_failed is null || targetRate < _failed)
        {
            _failed = targetRate;
        }

        return sustained;
    }
}
