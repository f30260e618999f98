namespace ImpactMesh.LoadTests.Nab;

/// <summary>
/// One row of a file prepared for scoring: its anomaly score, its unweighted scaled-sigmoid value and where it lies:
/// <see cref="Window"/> is the index of the file's window containing it, <see cref="Outside"/> or <see cref="Probation"/>.
/// </summary>
internal readonly record struct NabRow(double Score, double Sigmoid, int Window)
{
    public const int Outside = -1;
    public const int Probation = -2;

    public bool IsScored => Window != Probation;

    /// <summary>The weight a detection on this row earns under <paramref name="profile"/> (rule 4 of NAB).</summary>
    public double Weight(NabProfile profile) => Window >= 0
        ? Sigmoid * profile.TruePositive / NabScorer.MaxTruePositive
        : Sigmoid * profile.FalsePositive;
}
