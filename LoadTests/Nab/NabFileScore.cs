namespace ImpactMesh.LoadTests.Nab;

/// <summary>The raw score and row counts of one file (or of the whole corpus) at a threshold.</summary>
internal sealed record NabFileScore(string Key, double Threshold, double Score, int TruePositives, int TrueNegatives,
    int FalsePositives, int FalseNegatives)
{
    public int Total => TruePositives + TrueNegatives + FalsePositives + FalseNegatives;
}
