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
/// </summary>
internal sealed class ComponentMetrics
{
    private readonly Dictionary<string, MetricDetector> _detectors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastTicks = new(StringComparer.Ordinal);
    private readonly MetricsOptions _options;
    private readonly Dictionary<string, MetricBucketAccumulator> _hours = new(StringComparer.Ordinal);
    private readonly List<(string Metric, MetricBucket Bucket)> _sealed = [];
    private readonly HashSet<string> _unwritten = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, MetricSettings> _declared = ImmutableSortedDictionary<string, MetricSettings>.Empty;

    public ComponentMetrics(MetricsOptions options) => _options = options;

    public int Count => _detectors.Count;

    /// <summary>Whether this component keeps an hourly metric history (see <see cref="MetricsOptions.HistoryForKinds"/>).</summary>
    public bool KeepsHistory { get; set; }

    public IEnumerable<MetricDetector> Detectors => _detectors.Values;

    /// <summary>Takes the declared metrics of the component; detectors whose settings changed start learning again.</summary>
    public void Configure(IReadOnlyDictionary<string, MetricSettings> declared, IReadOnlyDictionary<string, MetricDetectorState>? restored = null)
    {
        var previous = _declared;
        _declared = declared;
        foreach (var (metric, settings) in declared)
        {
            var changed = !previous.TryGetValue(metric, out var old) || old != settings;
            if (_detectors.ContainsKey(metric) && !changed) continue;
            _detectors[metric] = restored is not null && restored.TryGetValue(metric, out var state)
                ? MetricDetector.FromState(metric, settings, state)
                : new MetricDetector(metric, settings);
        }
    }

    /// <summary>Feeds a batch; returns the rejected samples (index in the batch, reason) and the latest accepted timestamp.</summary>
    public (ImmutableArray<SampleRejection> Rejected, DateTimeOffset? Latest) Observe(IReadOnlyList<MetricSample> samples, DateTimeOffset now)
    {
        var rejected = ImmutableArray.CreateBuilder<SampleRejection>();
        DateTimeOffset? latest = null;
        var latestAllowed = (now + _options.FutureTolerance).UtcTicks;
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            if (!double.IsFinite(sample.Value))
            {
                rejected.Add(new SampleRejection(i, "value must be a finite number"));
                continue;
            }

            var ticks = sample.Timestamp.UtcTicks;
            if (ticks > latestAllowed)
            {
                rejected.Add(new SampleRejection(i, $"timestamp {sample.Timestamp:O} is more than {_options.FutureTolerance} in the future"));
                continue;
            }

            if (_lastTicks.TryGetValue(sample.Metric, out var last) && last - ticks > _options.OutOfOrderTolerance.Ticks)
            {
                rejected.Add(new SampleRejection(i, $"timestamp {sample.Timestamp:O} is older than the metric's last sample by more than {_options.OutOfOrderTolerance}"));
                continue;
            }

            if (!_detectors.TryGetValue(sample.Metric, out var detector))
            {
                if (_detectors.Count >= _options.MaxMetricsPerComponent)
                {
                    rejected.Add(new SampleRejection(i, $"the component already has {_options.MaxMetricsPerComponent} metrics; '{sample.Metric}' is one too many"));
                    continue;
                }

                _detectors[sample.Metric] = detector = new MetricDetector(sample.Metric, MetricSettings.Default);
            }

            detector.Observe(sample.Timestamp, sample.Value);
            if (KeepsHistory) RecordHour(sample);
            if (ticks > last) _lastTicks[sample.Metric] = ticks;
            if (latest is null || sample.Timestamp > latest) latest = sample.Timestamp;
        }

        return (rejected.ToImmutable(), latest);
    }

    /// <summary>
    /// The hours of metric history to write out: every sealed hour, and with <paramref name="includeOpen"/> the current
    /// hour of each metric that took samples since it was last written (writing an hour again replaces it).
    /// </summary>
    public List<(string Metric, MetricBucket Bucket)> TakeHistory(bool includeOpen)
    {
        var result = new List<(string Metric, MetricBucket Bucket)>(_sealed);
        _sealed.Clear();
        if (!includeOpen) return result;
        foreach (var metric in _unwritten) result.Add((metric, _hours[metric].ToBucket()));
        _unwritten.Clear();
        return result;
    }

    private void RecordHour(MetricSample sample)
    {
        var hour = new DateTimeOffset(sample.Timestamp.UtcTicks - (sample.Timestamp.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        if (!_hours.TryGetValue(sample.Metric, out var current) || hour > current.Start)
        {
            if (current is not null) _sealed.Add((sample.Metric, current.ToBucket()));
            _hours[sample.Metric] = current = new MetricBucketAccumulator(hour);
        }

        // A late sample from an hour already sealed counts in the current one (it is at most OutOfOrderTolerance late).
        current.Record(sample.Value, error: false);
        _unwritten.Add(sample.Metric);
    }

    /// <summary>Marks metrics without a recent sample Unknown; true when any status changed.</summary>
    public bool CheckStale(DateTimeOffset now)
    {
        var changed = false;
        foreach (var detector in _detectors.Values) changed |= detector.CheckStale(now);
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
        foreach (var detector in _detectors.Values)
        {
            var rank = Rank(detector.Status);
            if (worst is null || rank > Rank(worst.Status) || (rank == Rank(worst.Status) && string.CompareOrdinal(detector.Metric, worst.Metric) < 0)) worst = detector;
        }

        var status = worst!.Status;
        return status == HealthStatus.Ok ? (status, "") : (status, worst.Snapshot().Reason);
    }

    private static int Rank(HealthStatus status) => status.IsKnown() ? (int)status : -1;

    public ImmutableArray<MetricHealth> Snapshot() => [.. _detectors.Values.OrderBy(d => d.Metric, StringComparer.Ordinal).Select(d => d.Snapshot())];

    public Dictionary<string, MetricDetectorState> ToState() => _detectors.ToDictionary(d => d.Key, d => d.Value.ToState(), StringComparer.Ordinal);
}
