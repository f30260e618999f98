namespace ImpactMesh.LoadTests.Nab;

/// <summary>A detector's result under one profile: the optimised threshold, the corpus totals, the normalised score, per-file rows.</summary>
internal sealed record NabProfileScore(NabProfile Profile, NabFileScore Totals, double Normalized, double NullScore,
    double PerfectScore, IReadOnlyList<NabFileScore> Files)
{
    public double Threshold => Totals.Threshold;

    public double RawScore => Totals.Score;
}
