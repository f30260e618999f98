using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// What a relation passes on from its dependency's effective status:
/// <list type="bullet">
/// <item>a relation with <c>ignore: true</c> is left out entirely (see <see cref="Counts"/>): no rule counts it;</item>
/// <item>a dependency in maintenance passes Ok;</item>
/// <item>Unknown passes as Unknown and Ok as Ok;</item>
/// <item>any other status is moved by <c>shift</c> (clamped to Ok..Critical), then <c>impact: soft</c> caps it at Warning.</item>
/// </list>
/// </summary>
internal static class RelationPass
{
    /// <summary>False for relations that are left out of every rule (<c>ignore: true</c>).</summary>
    public static bool Counts(Relation relation) => !relation.Ignore;

    /// <summary>The status <paramref name="relation"/> passes on from a dependency with <paramref name="status"/>.</summary>
    public static HealthStatus Apply(Relation relation, HealthStatus status, bool inMaintenance) =>
        Apply(relation.Impact, relation.Shift, status, inMaintenance);

    public static HealthStatus Apply(RelationImpact impact, int shift, HealthStatus status, bool inMaintenance)
    {
        if (inMaintenance) return HealthStatus.Ok;
        if (!status.IsKnown() || status == HealthStatus.Ok) return status;
        var shifted = status.Shift(shift);
        return impact == RelationImpact.Soft && shifted > HealthStatus.Warning ? HealthStatus.Warning : shifted;
    }
}
