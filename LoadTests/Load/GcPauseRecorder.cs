using System.Diagnostics.Tracing;
using HdrHistogram;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Every stop of this process's threads for a collection while it runs, from the runtime's own GC events (an in-process
/// <see cref="EventListener"/>): from the suspension's start to the threads' restart, by the generation collected. The
/// stops of a background gen2 collection (it runs beside the threads but stops them briefly to start and to finish) count
/// as gen2. What the percentage of GC time cannot show: how long a single stop is, the latency a call can meet.
/// </summary>
internal sealed class GcPauseRecorder : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int GcStart = 1;
    private const int GcEnd = 2;
    private const int RestartEnd = 3;
    private const int SuspendBegin = 9;
    private const uint SuspendForGc = 1;
    private const uint SuspendForGcPrep = 6;
    private const uint BackgroundGc = 1;

    // Field initializers run before the base constructor, which already reports the runtime's source.
    private readonly Lock _lock = new();
    private readonly LongHistogram[] _pauses = [LatencySummary.NewHistogram(), LatencySummary.NewHistogram(), LatencySummary.NewHistogram()];
    private DateTime _suspendedAt;
    private int _generation = -1;
    private bool _backgroundRunning;

    /// <summary>The stops so far, by generation (index 0 to 2).</summary>
    public IReadOnlyList<LatencySummary> Pauses()
    {
        lock (_lock) return [.. _pauses.Select(LatencySummary.From)];
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource) EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        lock (_lock)
        {
            switch (e.EventId)
            {
                case SuspendBegin when Payload(e, "Reason") is SuspendForGc or SuspendForGcPrep:
                    _suspendedAt = e.TimeStamp;
                    _generation = -1;
                    break;
                case GcStart:
                    _generation = (int)Payload(e, "Depth");
                    if (Payload(e, "Type") == BackgroundGc) _backgroundRunning = true;
                    break;
                case GcEnd when Payload(e, "Depth") == 2:
                    _backgroundRunning = false;
                    break;
                case RestartEnd when _suspendedAt != default:
                    var generation = _generation >= 0 ? Math.Min(_generation, 2) : _backgroundRunning ? 2 : -1;
                    var micros = (long)(e.TimeStamp - _suspendedAt).TotalMicroseconds;
                    if (generation >= 0) _pauses[generation].RecordValue(Math.Clamp(micros, 1, _pauses[generation].HighestTrackableValue));
                    _suspendedAt = default;
                    break;
            }
        }
    }

    private static uint Payload(EventWrittenEventArgs e, string name)
    {
        var index = e.PayloadNames?.IndexOf(name) ?? -1;
        return index >= 0 && e.Payload?[index] is { } value ? Convert.ToUInt32(value, System.Globalization.CultureInfo.InvariantCulture) : uint.MaxValue;
    }
}
