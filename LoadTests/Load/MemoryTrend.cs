namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// The growth of memory samples after a warm-up: the least-squares slope (MB per minute, over the samples at or after
/// <c>warmup</c>) and the change from the first to the last of them. A flat soak has a slope near zero.
/// </summary>
internal static class MemoryTrend
{
    public static (double SlopeMBPerMinute, double GrowthMB, double GrowthPercent, int Samples) After(IReadOnlyList<MemorySample> samples, TimeSpan warmup)
    {
        var kept = samples.Where(s => s.AtSeconds >= warmup.TotalSeconds).ToList();
        if (kept.Count < 2) return (double.NaN, double.NaN, double.NaN, kept.Count);
        var meanX = kept.Average(s => s.AtSeconds / 60);
        var meanY = kept.Average(s => s.ManagedMB);
        var sxx = kept.Sum(s => Math.Pow(s.AtSeconds / 60 - meanX, 2));
        var sxy = kept.Sum(s => (s.AtSeconds / 60 - meanX) * (s.ManagedMB - meanY));
        var growth = kept[^1].ManagedMB - kept[0].ManagedMB;
        return (sxx == 0 ? double.NaN : sxy / sxx, growth, kept[0].ManagedMB == 0 ? double.NaN : 100 * growth / kept[0].ManagedMB, kept.Count);
    }
}
