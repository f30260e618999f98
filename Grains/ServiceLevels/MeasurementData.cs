using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// The status timelines and metric buckets loaded for one or more versions of an SLA, with the relation graph they were
/// resolved against; <see cref="For"/> hands each version the part its own service selector covers.
/// </summary>
internal sealed class MeasurementData(
    ImmutableArray<ComponentDefinition> components,
    IReadOnlyDictionary<string, IReadOnlyList<StatusChange>> timelines,
    IReadOnlyDictionary<(string Service, string Metric), IReadOnlyList<MetricBucket>> metrics)
{
    public ImmutableArray<ComponentDefinition> Components { get; } = components;

    /// <summary>The earliest instant anything was recorded among the data loaded, or null when nothing was.</summary>
    public DateTimeOffset? Earliest { get; } = timelines.Values.SelectMany(t => t.Select(c => (DateTimeOffset?)c.At))
        .Concat(metrics.Values.SelectMany(b => b.Select(x => (DateTimeOffset?)x.Start)))
        .Min();

    public string[] Services(SlaDefinition sla) => SlaScope.Resolve(sla.Services, Components);

    public (IReadOnlyDictionary<string, IReadOnlyList<StatusChange>> Timelines,
        IReadOnlyDictionary<(string Service, string Metric), IReadOnlyList<MetricBucket>> Metrics,
        IReadOnlySet<string> PercentMetrics) For(SlaDefinition sla)
    {
        var services = Services(sla);
        var set = services.ToHashSet(StringComparer.Ordinal);
        var t = services.ToDictionary(s => s, s => timelines.GetValueOrDefault(s) ?? [], StringComparer.Ordinal);
        var m = metrics.Where(p => set.Contains(p.Key.Service)).ToDictionary(p => p.Key, p => p.Value);
        return (t, m, SlaScope.PercentMetrics(services, Components));
    }
}
