namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// This process's resources over a run: CPU seconds and cores used (of <see cref="Cores"/>), GC pause time (and as a
/// percentage of wall time), allocation rate, collections (a gen1 collection also counts as gen0, a gen2 as both), how
/// long each collection stopped the threads by generation (<see cref="GcPauseRecorder"/>), managed heap and working set
/// at the end.
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
    int Gen1Collections,
    int Gen2Collections,
    LatencySummary Gen0Stops,
    LatencySummary Gen1Stops,
    LatencySummary Gen2Stops,
    double ManagedHeapMB,
    double WorkingSetMB);
