using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Monitoring;
using ImpactMesh.Grains.ServiceLevels;

namespace ImpactMesh.Grains.Components;

/// <summary>
/// The metrics of one component: a <see cref="MetricDetector"/> per metric (declared in the topology, or created when a
/// sample of a new metric arrives, up to a cap), the checks a sample must pass, and the component's metric health:
/// the worst of its metrics, Unknown while a declared metric has no data yet.
/// <para>
/// Built for the ingestion hot path: a component has a handful of metrics, so a sample finds its detector by a short
/// ordinal scan (an index by name only beyond <see cref="ScanLimit"/> metrics), the out-of-order check reads the detector's
/// own last timestamp, and a batch without rejections or sealed history hours allocates nothing here.
/// </para>
/// </summary>
internal sealed class ComponentMetrics
{
    /// <summary>Up to this many metrics a sample's detector is found by scanning; beyond it, by a dictionary.</summary>
    public const int ScanLimit = 8;

    private readonly MetricsOptions _options;
    private readonly List<MetricDetector> _detectors = [];
    private Dictionary<string, int>? _index;
    private IReadOnlyDictionary<string, MetricSettings> _declared = ImmutableSortedDictionary<string, MetricSettings>.Empty;

    // Hourly history (only when KeepsHistory): per detector, the hour being summed and whether it took samples since written.
    private MetricBucketAccumulator?[] _hours = [];
    private bool[] _unwritten = [];
    private List<(string Metric, MetricBucket Bucket)>? _sealed;

    public ComponentMetrics(MetricsOptions options) => _options = options;

    public int Count => _detectors.Count;

    /// <summary>Whether this component keeps an hourly metric history (see <see cref="MetricsOptions.HistoryForKinds"/>).</summary>
    public bool KeepsHistory { get; set; }

    public IReadOnlyList<MetricDetector> Detectors => _detectors;

    /// <summary>Takes the declared metrics of the component; detectors whose settings changed start learning again.</summary>
    public void Configure(IReadOnlyDictionary<string, MetricSettings> declared, IReadOnlyDictionary<string, MetricDetectorState>? restored = null)
    {
        var previous = _declared;
        _declared = declared;
        foreach (var (metric, settings) in declared)
        {
            var changed = !previous.TryGetValue(metric, out var old) || old != settings;
            var index = IndexOf(metric);
            if (index >= 0 && !changed) continue;
            var detector = restored is not null && restored.TryGetValue(metric, out var state)
                ? MetricDetector.FromState(metric, settings, state)
                : new MetricDetector(metric, settings);
            if (index >= 0) _detectors[index] = detector;
            else Add(detector);
        }
    }

    /// <summary>Feeds a batch; returns the rejected samples (index in the batch, reason) and the latest accepted timestamp.</summary>
    public (ImmutableArray<SampleRejection> Rejected, DateTimeOffset? Latest) Observe(ReadOnlySpan<MetricSample> samples, DateTimeOffset now)
    {
        ImmutableArray<SampleRejection>.Builder? rejected = null;
        var latest = -1;
        var latestTicks = long.MinValue;
        var latestAllowed = (now + _options.FutureTolerance).UtcTicks;
        var tolerance = _options.OutOfOrderTolerance.Ticks;
        for (var i = 0; i < samples.Length; i++)
        {
            ref readonly var sample = ref samples[i];
            if (!double.IsFinite(sample.Value))
            {
                (rejected ??= ImmutableArray.CreateBuilder<SampleRejection>()).Add(new SampleRejection(i, "value must be a finite number"));
                continue;
            }

            var ticks = sample.Timestamp.UtcTicks;
            if (ticks > latestAllowed)
            {
                (rejected ??= ImmutableArray.CreateBuilder<SampleRejection>()).Add(new SampleRejection(i, $"timestamp {sample.Timestamp:O} is more than {_options.FutureTolerance} in the future"));
                continue;
            }

            var index = IndexOf(sample.Metric);
            MetricDetector detector;
            if (index >= 0)
            {
                detector = _detectors[index];
                if (detector.Count > 0 && detector.LastTicks - ticks > tolerance)
                {
                    (rejected ??= ImmutableArray.CreateBuilder<SampleRejection>()).Add(new SampleRejection(i, $"timestamp {sample.Timestamp:O} is older than the metric's last sample by more than {_options.OutOfOrderTolerance}"));
                    continue;
                }
            }
            else
            {
                if (_detectors.Count >= _options.MaxMetricsPerComponent)
                {
                    (rejected ??= ImmutableArray.CreateBuilder<SampleRejection>()).Add(new SampleRejection(i, $"the component already has {_options.MaxMetricsPerComponent} metrics; '{sample.Metric}' is one too many"));
                    continue;
                }

                index = _detectors.Count;
                Add(detector = new MetricDetector(sample.Metric, MetricSettings.Default));
            }

            detector.Observe(sample.Timestamp, sample.Value);
            if (KeepsHistory) RecordHour(index, ticks, sample.Value);
            if (ticks > latestTicks) (latestTicks, latest) = (ticks, i);
        }

        return (rejected?.ToImmutable() ?? [], latest < 0 ? null : samples[latest].Timestamp);
    }

    /// <summary>
    /// The hours of metric history to write out: every sealed hour, and with <paramref name="includeOpen"/> the current
    /// hour of each metric that took samples since it was last written (writing an hour again replaces it).
    /// </summary>
    public IReadOnlyList<(string Metric, MetricBucket Bucket)> TakeHistory(bool includeOpen)
    {
        if (_sealed is null && !includeOpen) return [];
        var result = _sealed ?? [];
        _sealed = null;
        if (!includeOpen) return result;
        for (var i = 0; i < _unwritten.Length; i++)
        {
            if (!_unwritten[i]) continue;
            result.Add((_detectors[i].Metric, _hours[i]!.ToBucket()));
            _unwritten[i] = false;
        }

        return result;
    }

    private void RecordHour(int index, long ticks, double value)
    {
        if (_hours.Length <= index)
        {
            Array.Resize(ref _hours, _detectors.Count);
            Array.Resize(ref _unwritten, _detectors.Count);
        }

        var hour = ticks - (ticks % TimeSpan.TicksPerHour);
        var current = _hours[index];
        if (current is null || hour > current.Start.UtcTicks)
        {
            if (current is not null) (_sealed ??= []).Add((_detectors[index].Metric, current.ToBucket()));
            _hours[index] = current = new MetricBucketAccumulator(new DateTimeOffset(hour, TimeSpan.Zero));
        }

        // A late sample from an hour already sealed counts in the current one (it is at most OutOfOrderTolerance late).
        current.Record(value, error: false);
        _unwritten[index] = true;
    }

    /// <summary>Marks metrics without a recent sample Unknown; true when any status changed.</summary>
    public bool CheckStale(DateTimeOffset now)
    {
        var changed = false;
        foreach (var detector in _detectors) changed |= detector.CheckStale(now);
        return changed;
    }

    /// <summary>
    /// The component's metric health: the worst metric, where a known status beats Unknown (so the component is Unknown
    /// only when none of its metrics is known), with that metric's reason. Cheap while everything is Ok.
    /// </summary>
    public (HealthStatus Status, string Reason) Health()
    {
        if (_detectors.Count == 0) return (HealthStatus.Ok, "");
        MetricDetector? worst = null;
        foreach (var detector in _detectors)
        {
            var rank = Rank(detector.Status);
            if (worst is null || rank > Rank(worst.Status) || (rank == Rank(worst.Status) && string.CompareOrdinal(detector.Metric, worst.Metric) < 0)) worst = detector;
        }

        var status = worst!.Status;
        return status == HealthStatus.Ok ? (status, "") : (status, worst.Reason());
    }

    private static int Rank(HealthStatus status) => status.IsKnown() ? (int)status : -1;

    public ImmutableArray<MetricHealth> Snapshot() => [.. _detectors.OrderBy(d => d.Metric, StringComparer.Ordinal).Select(d => d.Snapshot())];

    public Dictionary<string, MetricDetectorState> ToState() => _detectors.ToDictionary(d => d.Metric, d => d.ToState(), StringComparer.Ordinal);

    private int IndexOf(string metric)
    {
        if (_index is not null) return _index.TryGetValue(metric, out var found) ? found : -1;
        var detectors = _detectors;
        for (var i = 0; i < detectors.Count; i++)
        {
            if (string.Equals(detectors[i].Metric, metric, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    private void Add(MetricDetector detector)
    {
        _detectors.Add(detector);
        if (_index is not null) _index[detector.Metric] = _detectors.Count - 1;
        else if (_detectors.Count > ScanLimit) _index = _detectors.Select((d, i) => (d.Metric, i)).ToDictionary(e => e.Metric, e => e.i, StringComparer.Ordinal);
    }
}
