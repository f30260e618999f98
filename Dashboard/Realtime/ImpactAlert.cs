using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// An entry of the alert feed: a business service changed status, or a component failed or recovered on its own (a root
/// cause). Unlike statuses, alerts are not coalesced: each transition is one alert (the oldest are dropped past a bound).
/// </summary>
public sealed record ImpactAlert(string Component, string Kind, HealthStatus Old, HealthStatus New, string Reason, DateTimeOffset At)
{
    public const string ServiceKind = "service";
}
