using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Grains.Components;

/// <summary>Operations on a status timeline held as a list in time order.</summary>
internal static class StatusChanges
{
    /// <summary>
    /// Inserts <paramref name="change"/> in time order (after those at the same time); false, and nothing inserted, when
    /// the timeline already holds a change with its time, status and reason.
    /// </summary>
    public static bool Insert(List<StatusChange> timeline, StatusChange change)
    {
        var index = timeline.Count;
        while (index > 0 && timeline[index - 1].At > change.At) index--;
        for (var i = index - 1; i >= 0 && timeline[i].At == change.At; i--)
        {
            if (timeline[i].Status == change.Status && string.Equals(timeline[i].Reason, change.Reason, StringComparison.Ordinal)) return false;
        }

        timeline.Insert(index, change);
        return true;
    }

    /// <summary>The changes in [from, to), preceded by the one in force at <paramref name="from"/>.</summary>
    public static ImmutableArray<StatusChange> Between(IReadOnlyList<StatusChange> timeline, DateTimeOffset from, DateTimeOffset to)
    {
        var result = ImmutableArray.CreateBuilder<StatusChange>();
        StatusChange? inForce = null;
        foreach (var change in timeline)
        {
            if (change.At < from) inForce = change;
            else if (change.At < to) result.Add(change);
        }

        if (inForce is not null) result.Insert(0, inForce);
        return result.ToImmutable();
    }
}
