using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>The time rules of one SLA: its zone, service hours and agreed maintenance, answered for any range of instants.</summary>
internal sealed class SlaCalendar
{
    private readonly WeeklySchedule _serviceHours;
    private readonly WeeklySchedule _recurringMaintenance;
    private readonly List<TimeInterval> _maintenance;

    public SlaCalendar(TimeZoneInfo zone, ServiceHours serviceHours, IEnumerable<TimeInterval> maintenance, IEnumerable<ServiceWindow> recurringMaintenance)
    {
        Zone = zone;
        _serviceHours = WeeklySchedule.For(serviceHours, zone);
        _recurringMaintenance = new WeeklySchedule(recurringMaintenance, [], zone);
        _maintenance = IntervalSet.Normalize(maintenance);
    }

    public TimeZoneInfo Zone { get; }

    public static SlaCalendar For(SlaDefinition sla) =>
        new(ZoneClock.Find(sla.TimeZone) ?? throw new ArgumentException($"unknown time zone '{sla.TimeZone}'", nameof(sla)),
            sla.ServiceHours,
            sla.MaintenanceIntervals.IsDefault ? [] : sla.MaintenanceIntervals,
            sla.MaintenanceRecurring.IsDefault ? [] : sla.MaintenanceRecurring);

    /// <summary>Service-hour instants inside <paramref name="range"/>.</summary>
    public List<TimeInterval> ServiceIntervals(TimeInterval range) => _serviceHours.Intervals(range);

    /// <summary>Agreed maintenance instants (absolute and recurring) inside <paramref name="range"/>.</summary>
    public List<TimeInterval> MaintenanceIntervals(TimeInterval range) =>
        IntervalSet.Normalize(IntervalSet.Clip(_maintenance, range).Concat(_recurringMaintenance.Intervals(range)));
}
