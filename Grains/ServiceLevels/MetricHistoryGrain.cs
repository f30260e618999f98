using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using Microsoft.Extensions.Logging;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Keeps the hourly buckets of one metric as parts per writer (see <see cref="IMetricHistoryGrain.AppendAsync"/>), sorted
/// by start, dropping those older than <see cref="IMetricHistoryGrain.RetentionDays"/> days before the newest. Every append
/// is persisted, so a past period's report reads the same buckets after a restart.
/// </summary>
public sealed partial class MetricHistoryGrain(
    [PersistentState("metrics", StorageNames.State)] IPersistentState<MetricHistoryState> state,
    ILogger<MetricHistoryGrain> logger) : Grain, IMetricHistoryGrain
{
    public async Task AppendAsync(MetricBucket bucket, string writer)
    {
        var parts = state.State.Parts;
        var part = new MetricBucketPart(writer, bucket);
        var i = parts.FindIndex(p => p.Bucket.Start > bucket.Start || (p.Bucket.Start == bucket.Start && string.CompareOrdinal(p.Writer, writer) >= 0));
        if (i < 0) parts.Add(part);
        else if (parts[i].Bucket.Start == bucket.Start && parts[i].Writer == writer) parts[i] = part;
        else parts.Insert(i, part);

        var oldest = parts[^1].Bucket.Start.AddDays(-IMetricHistoryGrain.RetentionDays);
        parts.RemoveAll(p => p.Bucket.Start < oldest);
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
        Task.FromResult(state.State.Parts
            .Where(p => p.Bucket.Start >= from && p.Bucket.Start < to)
            .GroupBy(p => p.Bucket.Start)
            .Select(hour => LatencyHistogram.Add([.. hour.Select(p => p.Bucket)]))
            .ToImmutableArray());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metric history {Key} could not persist a bucket")]
    private static partial void LogPersistFailed(ILogger logger, string key, Exception exception);
}
