using System.Collections.Immutable;
using System.Globalization;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// One component's closed and open hourly <see cref="MetricBucket"/>s of one UTC day, every metric of it (key
/// <c>"{componentId}|{yyyy-MM-dd}"</c>, see <see cref="KeyOf"/>). History is kept for <see cref="RetentionDays"/> days of
/// data time for SLA measurement, a grain per day: what a grain holds and writes stays small (at most 24 hours per metric),
/// and a past day's grain is only in memory while it is read.
/// </summary>
[Alias("ImpactMesh.IMetricHistoryGrain")]
public interface IMetricHistoryGrain : IGrainWithStringKey
{
    public const int RetentionDays = 100;

    /// <summary>The key of the grain holding <paramref name="componentId"/>'s hours of the UTC day of <paramref name="time"/>.</summary>
    public static string KeyOf(string componentId, DateTimeOffset time) =>
        $"{componentId}|{time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Records what <paramref name="writer"/> (one activation of the component) counted in some hours of this grain's day,
    /// so far: an hour of a metric from the same writer replaces the one stored (a resend, or the open hour written again,
    /// is harmless), and the parts of different writers of the same hour add up (a component deactivated and activated
    /// again within an hour loses nothing). An hour outside the grain's day is refused with an <see cref="ArgumentException"/>.
    /// </summary>
    [Alias("AppendAsync")]
    Task AppendAsync(ImmutableArray<MetricHour> hours, string writer);

    /// <summary>Every metric's hours starting in [from, to), oldest first, one per hour and metric (the writers' parts added up).</summary>
    [Alias("GetHoursAsync")]
    Task<ImmutableArray<MetricHour>> GetHoursAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Forgets the day (past the retention).</summary>
    [Alias("ClearAsync")]
    Task ClearAsync();
}

/// <summary>One hour of one metric.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.MetricHour")]
public sealed record MetricHour([property: Id(0)] string Metric, [property: Id(1)] MetricBucket Bucket);
