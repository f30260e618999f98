namespace ImpactMesh.Grains.Monitoring;

/// <summary>Count, mean, sample variance, minimum and maximum of a window; NaN when empty.</summary>
internal readonly record struct WindowSummary(long Count, double Mean, double Variance, double Min, double Max)
{
    public double StdDev => Math.Sqrt(Variance);
}
