using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>Reads a component's metric history over any range from its day grains (<see cref="IMetricHistoryGrain"/>).</summary>
public static class MetricHistory
{
    /// <summary>
    /// The hours starting in [<paramref name="from"/>, <paramref name="to"/>) of every metric of <paramref name="component"/>,
    /// per metric, oldest first; only days within <see cref="IMetricHistoryGrain.RetentionDays"/> of <paramref name="to"/> are read.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, ImmutableArray<MetricBucket>>> ReadAsync(IGrainFactory grains, string component, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return ImmutableDictionary<string, ImmutableArray<MetricBucket>>.Empty;
        var last = DayKey.DayOf(to.AddTicks(-1));
        var first = DayKey.DayOf(from);
        if (first < last.AddDays(-IMetricHistoryGrain.RetentionDays)) first = last.AddDays(-IMetricHistoryGrain.RetentionDays);

        var days = new List<Task<ImmutableArray<MetricHour>>>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(GrainReferences.Get<IMetricHistoryGrain>(grains, IMetricHistoryGrain.KeyOf(component, day)).GetHoursAsync(from, to));
        }

        var byMetric = new Dictionary<string, ImmutableArray<MetricBucket>.Builder>(StringComparer.Ordinal);
        foreach (var hour in (await Task.WhenAll(days)).SelectMany(hours => hours))
        {
            if (!byMetric.TryGetValue(hour.Metric, out var buckets)) byMetric[hour.Metric] = buckets = ImmutableArray.CreateBuilder<MetricBucket>();
            buckets.Add(hour.Bucket);
        }

        return byMetric.ToDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
    }
}
