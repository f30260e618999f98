namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// This process's resources over a run: CPU seconds and cores used (of <see cref="Cores"/>), GC pause time (and as a
/// percentage of wall time), allocation rate, collections, managed heap and working set at the end.
/// </summary>
internal sealed record ResourceFigures(
    double WallSeconds,
    double CpuSeconds,
    double CoresUsed,
    int Cores,
    double GcPauseMs,
    double GcPausePercent,
    double AllocatedMBPerSecond,
    int Gen0Collections,
    int Gen2Collections,
    double ManagedHeapMB,
    double WorkingSetMB);
