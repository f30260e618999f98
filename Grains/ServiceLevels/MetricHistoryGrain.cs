using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using Microsoft.Extensions.Logging;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Keeps the hourly buckets of one metric, sorted by start, replacing a bucket sent twice and dropping those older than
/// <see cref="IMetricHistoryGrain.RetentionDays"/> days before the newest. Every append is persisted, so a past period's
/// report reads the same buckets after a restart.
/// </summary>
public sealed partial class MetricHistoryGrain(
    [PersistentState("metrics", StorageNames.State)] IPersistentState<MetricHistoryState> state,
    ILogger<MetricHistoryGrain> logger) : Grain, IMetricHistoryGrain
{
    public async Task AppendAsync(MetricBucket bucket)
    {
        var buckets = state.State.Buckets;
        var i = buckets.FindIndex(b => b.Start >= bucket.Start);
        if (i < 0) buckets.Add(bucket);
        else if (buckets[i].Start == bucket.Start) buckets[i] = bucket;
        else buckets.Insert(i, bucket);

        var oldest = buckets[^1].Start.AddDays(-IMetricHistoryGrain.RetentionDays);
        buckets.RemoveAll(b => b.Start < oldest);
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogPersistFailed(logger, this.GetPrimaryKeyString(), e);
            throw;
        }
    }

    public Task<ImmutableArray<MetricBucket>> GetBucketsAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult(state.State.Buckets.Where(b => b.Start >= from && b.Start < to).ToImmutableArray());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metric history {Key} could not persist a bucket")]
    private static partial void LogPersistFailed(ILogger logger, string key, Exception exception);
}
