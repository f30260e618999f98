using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;

namespace ImpactMesh.Grains.Components;

/// <summary>
/// A component's status timeline in data time, complete for <see cref="IMetricHistoryGrain.RetentionDays"/> days. The
/// component holds only its newest change and the changes not yet written to their day's <see cref="IStatusHistoryGrain"/>
/// (its memory does not grow with its history); it lists the days written, so a read asks only days that have changes.
/// Works on the lists of the persisted <see cref="ComponentState"/>.
/// </summary>
internal sealed class StatusHistory
{
    /// <summary>Unwritten changes that make the component write them at once rather than at its next flush.</summary>
    public const int WriteAt = 256;
    private const int ShareLookBack = 16;
    private readonly ComponentState _state;

    public StatusHistory(ComponentState state)
    {
        _state = state;

        // State from before status history grains: the whole timeline is unwritten, its newest change the last.
        _state.LastChange ??= _state.UnwrittenChanges.Count == 0 ? null : _state.UnwrittenChanges[^1];
    }

    public StatusChange? Last => _state.LastChange;

    public IReadOnlyList<StatusChange> Unwritten => _state.UnwrittenChanges;

    public bool MustWrite => _state.UnwrittenChanges.Count >= WriteAt;

    /// <summary>The days with written changes, newest first.</summary>
    public List<DateTimeOffset> DaysNewestFirst() => [.. Enumerable.Reverse(_state.HistoryDays).Select(Start)];

    /// <summary>Adds a change (one that arrives out of order goes in time order).</summary>
    public void Add(StatusChange change)
    {
        change = Shared(change);
        StatusChanges.Insert(_state.UnwrittenChanges, change);
        if (_state.LastChange is null || change.At >= _state.LastChange.At) _state.LastChange = change;
    }

    // A flapping component repeats a few reasons and root-cause lists: a change takes the instances of an equal recent one,
    // so what waits to be written holds each distinct text once rather than once per change.
    private StatusChange Shared(StatusChange change)
    {
        var changes = _state.UnwrittenChanges;
        string? reason = null;
        ImmutableArray<string>? rootCauses = null;
        for (var i = changes.Count - 1; i >= Math.Max(0, changes.Count - ShareLookBack) && (reason is null || rootCauses is null); i--)
        {
            var known = changes[i];
            if (reason is null && string.Equals(known.Reason, change.Reason, StringComparison.Ordinal)) reason = known.Reason;
            if (rootCauses is null && known.RootCauses.AsSpan().SequenceEqual(change.RootCauses.AsSpan())) rootCauses = known.RootCauses;
        }

        return reason is null && rootCauses is null
            ? change
            : change with { Reason = reason ?? change.Reason, RootCauses = rootCauses ?? change.RootCauses };
    }

    /// <summary>The unwritten changes per UTC day (midnight), oldest day first.</summary>
    public List<(DateTimeOffset Day, ImmutableArray<StatusChange> Changes)> UnwrittenByDay() =>
        [.. _state.UnwrittenChanges.GroupBy(c => DayKey.DayOf(c.At)).Select(g => (g.Key, g.ToImmutableArray()))];

    /// <summary>Records that <paramref name="day"/>'s grain took <paramref name="changes"/>.</summary>
    public void Written(DateTimeOffset day, ImmutableArray<StatusChange> changes)
    {
        var taken = new HashSet<StatusChange>(changes, ReferenceEqualityComparer.Instance);
        _state.UnwrittenChanges.RemoveAll(taken.Contains);
        var date = DateOnly.FromDateTime(day.UtcDateTime);
        var index = _state.HistoryDays.BinarySearch(date);
        if (index < 0) _state.HistoryDays.Insert(~index, date);
    }

    /// <summary>Forgets the days past the retention at <paramref name="now"/> (their grains forget them too).</summary>
    public void Forget(DateTimeOffset now)
    {
        var oldest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-IMetricHistoryGrain.RetentionDays);
        _state.HistoryDays.RemoveAll(d => d <= oldest);
    }

    /// <summary>
    /// The written days to read for the changes in [from, to) and the one in force at <paramref name="from"/>: those in
    /// the range, and the newest before it.
    /// </summary>
    public List<DateTimeOffset> DaysFor(DateTimeOffset from, DateTimeOffset to)
    {
        var first = DayKey.DayOf(from);
        var days = _state.HistoryDays.Select(Start).Where(d => d >= first && d < to).ToList();
        var before = _state.HistoryDays.FindLastIndex(d => Start(d) < first);
        if (before >= 0) days.Insert(0, Start(_state.HistoryDays[before]));
        return days;
    }

    /// <summary>
    /// The changes in [from, to), preceded by the one in force at <paramref name="from"/>, from what day grains returned
    /// (<paramref name="written"/>) and what the component holds.
    /// </summary>
    public ImmutableArray<StatusChange> Between(IEnumerable<StatusChange> written, DateTimeOffset from, DateTimeOffset to) =>
        StatusChanges.Between(Merge(written), from, to);

    /// <summary>The newest <paramref name="count"/> changes, newest last, from what day grains returned and what the component holds.</summary>
    public ImmutableArray<StatusChange> Newest(IEnumerable<StatusChange> written, int count)
    {
        var all = Merge(written);
        return [.. all.Skip(Math.Max(0, all.Count - count))];
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private List<StatusChange> Merge(IEnumerable<StatusChange> written)
    {
        var all = new List<StatusChange>();
        foreach (var change in written) StatusChanges.Insert(all, change);
        foreach (var change in _state.UnwrittenChanges) StatusChanges.Insert(all, change);
        if (_state.LastChange is { } last) StatusChanges.Insert(all, last);
        return all;
    }
}
