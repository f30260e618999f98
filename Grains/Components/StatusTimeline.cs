using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Components;

/// <summary>
/// A component's status timeline in data time, bounded to the newest <see cref="Capacity"/> changes (lowering it drops
/// the oldest at once). Changes that arrive out of order (backfilled history) are inserted in time order. Equal reasons
/// and root-cause lists of recent changes are stored once.
/// </summary>
internal sealed class StatusTimeline(List<StatusChange> changes, int capacity = StatusTimeline.DefaultCapacity)
{
    public const int DefaultCapacity = 2000;
    private const int ShareLookBack = 16;

    public int Capacity
    {
        get => capacity;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            capacity = value;
            Trim();
        }
    }

    public IReadOnlyList<StatusChange> Changes => changes;

    public StatusChange? Last => changes.Count == 0 ? null : changes[^1];

    public void Add(StatusChange change)
    {
        change = Shared(change);
        var index = changes.Count;
        while (index > 0 && changes[index - 1].At > change.At) index--;
        changes.Insert(index, change);
        Trim();
    }

    // A flapping component repeats a few reasons and root-cause lists: a change takes the instances of an equal recent one,
    // so a full timeline holds each distinct text once rather than once per change.
    private StatusChange Shared(StatusChange change)
    {
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

    private void Trim()
    {
        if (changes.Count > capacity) changes.RemoveRange(0, changes.Count - capacity);
    }

    /// <summary>The changes in [from, to), preceded by the one in force at <paramref name="from"/>.</summary>
    public ImmutableArray<StatusChange> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var result = ImmutableArray.CreateBuilder<StatusChange>();
        StatusChange? inForce = null;
        foreach (var change in changes)
        {
            if (change.At < from) inForce = change;
            else if (change.At < to) result.Add(change);
        }

        if (inForce is not null) result.Insert(0, inForce);
        return result.ToImmutable();
    }

    /// <summary>The newest <paramref name="count"/> changes, newest last.</summary>
    public ImmutableArray<StatusChange> Recent(int count) => [.. changes.Skip(Math.Max(0, changes.Count - count))];
}
