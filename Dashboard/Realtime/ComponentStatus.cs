using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// A component's live status on the map: its status and why, its own status, maintenance, root causes with impact paths,
/// since when (data time; null when a delta did not change the status) and the data time of the change.
/// A component missing from a snapshot is Ok.
/// </summary>
public sealed record ComponentStatus(
    string Id,
    string Kind,
    HealthStatus Status,
    HealthStatus OwnStatus,
    bool InMaintenance,
    string Reason,
    ImmutableArray<RootCause> RootCauses,
    int TotalRootCauses,
    DateTimeOffset? Since,
    DateTimeOffset At)
{
    /// <summary>About how many bytes the status takes as JSON in a message (to bound message sizes, not exact).</summary>
    public int EstimatedBytes
    {
        get
        {
            var bytes = 200 + Id.Length + Kind.Length + Reason.Length;
            foreach (var cause in RootCauses.IsDefault ? [] : RootCauses)
            {
                bytes += 40 + cause.Id.Length;
                foreach (var step in cause.Path) bytes += 3 + step.Length;
            }

            return bytes;
        }
    }

    public static ComponentStatus From(IncidentComponent c) =>
        new(c.Id, c.Kind, c.Status, c.OwnStatus, c.InMaintenance, c.Reason, c.RootCauses, c.TotalRootCauses, c.Since, c.Since);

    public static ComponentStatus From(ImpactChange c) =>
        new(c.Component, c.Kind, c.New, c.OwnStatus, c.InMaintenance, c.Reason, c.RootCauses, c.TotalRootCauses, c.Old != c.New ? c.At : null, c.At);
}
