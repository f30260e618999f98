using System.Diagnostics;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Process CPU time, GC pause time and each GC stop, allocations and memory between <see cref="Start"/> and
/// <see cref="Stop"/>.
/// </summary>
internal sealed class ResourceMeter
{
    private readonly Stopwatch _wall = new();
    private readonly GcPauseRecorder _stops = new();
    private TimeSpan _cpu;
    private TimeSpan _pause;
    private long _allocated;
    private int _gen0;
    private int _gen1;
    private int _gen2;

    public static ResourceMeter Start()
    {
        var meter = new ResourceMeter();
        using var process = Process.GetCurrentProcess();
        meter._cpu = process.TotalProcessorTime;
        meter._pause = GC.GetTotalPauseDuration();
        meter._allocated = GC.GetTotalAllocatedBytes();
        meter._gen0 = GC.CollectionCount(0);
        meter._gen1 = GC.CollectionCount(1);
        meter._gen2 = GC.CollectionCount(2);
        meter._wall.Start();
        return meter;
    }

    public ResourceFigures Stop()
    {
        var wall = _wall.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        var cpu = (process.TotalProcessorTime - _cpu).TotalSeconds;
        var pause = (GC.GetTotalPauseDuration() - _pause).TotalMilliseconds;
        var stops = _stops.Pauses();
        _stops.Dispose();
        return new ResourceFigures(
            Math.Round(wall, 2), Math.Round(cpu, 2), Math.Round(cpu / wall, 2), Environment.ProcessorCount, Math.Round(pause, 1),
            Math.Round(pause / 10 / wall, 2), Math.Round((GC.GetTotalAllocatedBytes() - _allocated) / 1e6 / wall, 1),
            GC.CollectionCount(0) - _gen0, GC.CollectionCount(1) - _gen1, GC.CollectionCount(2) - _gen2, stops[0], stops[1], stops[2],
            Math.Round(GC.GetTotalMemory(false) / 1e6, 1), Math.Round(process.WorkingSet64 / 1e6, 1));
    }
}
