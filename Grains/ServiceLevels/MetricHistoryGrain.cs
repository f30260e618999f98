using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using Microsoft.Extensions.Logging;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Keeps one component's hourly buckets of one day as parts per metric and writer (see
/// <see cref="IMetricHistoryGrain.AppendAsync"/>). Every append is persisted, so a past period's report reads the same
/// buckets after a restart. The first append of a day forgets the day that has just left the retention. Deactivated after
/// two idle minutes: components write every few minutes, and a past day is read only by reports.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class MetricHistoryGrain(
    [PersistentState("history", StorageNames.State)] IPersistentState<MetricHistoryState> state,
    ILogger<MetricHistoryGrain> logger) : Grain, IMetricHistoryGrain
{
    private string Key => this.GetPrimaryKeyString();

    public async Task AppendAsync(ImmutableArray<MetricHour> hours, string writer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(writer);
        var (component, day) = DayKey.Parse(Key);
        foreach (var hour in hours)
        {
            if (hour.Bucket.Start < day || hour.Bucket.Start >= day.AddDays(1))
            {
                throw new ArgumentException($"The hour {hour.Bucket.Start:O} of '{hour.Metric}' is not in the day of '{Key}'.", nameof(hours));
            }
        }

        var first = !state.RecordExists && state.State.Parts.Count == 0;
        var parts = state.State.Parts;
        foreach (var hour in hours)
        {
            var part = new MetricHourPart(hour.Metric, writer, hour.Bucket);
            var i = parts.FindIndex(p => Compare(p, part) >= 0);
            if (i < 0) parts.Add(part);
            else if (Compare(parts[i], part) == 0) parts[i] = part;
            else parts.Insert(i, part);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogPersistFailed(logger, Key, e);
            throw;
        }

        if (first) await ForgetExpiredDayAsync(component, day);
    }

    public Task<ImmutableArray<MetricHour>> GetHoursAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult(state.State.Parts
            .Where(p => p.Bucket.Start >= from && p.Bucket.Start < to)
            .GroupBy(p => (p.Bucket.Start, p.Metric))
            .Select(hour => new MetricHour(hour.Key.Metric, LatencyHistogram.Add([.. hour.Select(p => p.Bucket)])))
            .ToImmutableArray());

    public async Task ClearAsync()
    {
        if (state.RecordExists) await state.ClearStateAsync();
        state.State = new MetricHistoryState();
        DeactivateOnIdle();
    }

    private async Task ForgetExpiredDayAsync(string component, DateTimeOffset day)
    {
        try
        {
            await GrainReferences.Get<IMetricHistoryGrain>(GrainFactory, IMetricHistoryGrain.KeyOf(component, day.AddDays(-IMetricHistoryGrain.RetentionDays))).ClearAsync();
        }
        catch (Exception e)
        {
            LogForgetFailed(logger, Key, e);
        }
    }

    // Parts are ordered by hour, then metric, then writer; equal means the same writer's part of the same hour and metric.
    private static int Compare(MetricHourPart a, MetricHourPart b)
    {
        var order = a.Bucket.Start.CompareTo(b.Bucket.Start);
        if (order == 0) order = string.CompareOrdinal(a.Metric, b.Metric);
        return order != 0 ? order : string.CompareOrdinal(a.Writer, b.Writer);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metric history {Key} could not persist a bucket")]
    private static partial void LogPersistFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metric history {Key} could not forget the day past the retention")]
    private static partial void LogForgetFailed(ILogger logger, string key, Exception exception);
}
