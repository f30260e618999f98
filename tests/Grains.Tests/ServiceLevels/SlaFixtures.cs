using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

/// <summary>Small builders shared by the service level tests.</summary>
internal static class SlaFixtures
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    /// <summary>A Berlin wall-clock time as an instant.</summary>
    public static DateTimeOffset InBerlin(int y, int mo, int d, int h = 0, int mi = 0) => ZoneClock.ToInstant(new DateTime(y, mo, d, h, mi, 0), Berlin);

    public static TimeInterval Span(DateTimeOffset start, DateTimeOffset end) => new(start, end);

    public static ServiceWindow Window(string from, string to, params DayOfWeek[] days) =>
        new(days.Length == 0 ? [.. Enum.GetValues<DayOfWeek>()] : [.. days], TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

    public static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static ServiceHours Hours(params ServiceWindow[] windows) => new(false, [.. windows], []);

    public static SloDefinition Availability(double target = 99.9, double minimum = 99.5, params DowntimeWeight[] weights) =>
        new("availability", SloKind.Availability, target, minimum, [.. weights], null, 0, RestoreStatistic.Mean);

    public static SloDefinition Restore(RestoreStatistic statistic, double target = 60, double minimum = 240) =>
        new("restore", SloKind.TimeToRestore, target, minimum, [], null, 0, statistic);

    public static SloDefinition ResponseTime(double percentile = 95, double target = 300, double minimum = 800) =>
        new("latency", SloKind.ResponseTime, target, minimum, [], "http.latency", percentile, RestoreStatistic.Mean);

    public static SloDefinition ErrorRate(double target = 0.1, double minimum = 1) =>
        new("errors", SloKind.ErrorRate, target, minimum, [], "http.requests", 0, RestoreStatistic.Mean);

    public static SlaDefinition Definition(
        string zone = "UTC", ServiceHours? hours = null, IEnumerable<SloDefinition>? slos = null,
        IEnumerable<TimeInterval>? maintenance = null, IEnumerable<ServiceWindow>? recurring = null,
        MeasurementPeriod? period = null, CreditPolicy? credits = null, Fee? fee = null) =>
        new("sla-test", "Test SLA", "Test customer", null, SlaState.Active,
            new ServiceSelector(["svc-webshop"], ImmutableSortedDictionary<string, string>.Empty), zone,
            period ?? MeasurementPeriod.Month, hours ?? ServiceHours.AlwaysOn, [.. maintenance ?? []], [.. recurring ?? []],
            [.. slos ?? [Availability()]], credits, fee, [.. BurnRateEvaluator.Defaults], [], 30);

    public static SlaCalendar Calendar(string zone = "UTC", ServiceHours? hours = null, IEnumerable<TimeInterval>? maintenance = null, IEnumerable<ServiceWindow>? recurring = null) =>
        SlaCalendar.For(Definition(zone, hours, maintenance: maintenance, recurring: recurring));

    public static StatusChange Change(DateTimeOffset at, HealthStatus status, params string[] rootCauses) =>
        new(at, status, $"{status} at {at:HH:mm}", [.. rootCauses]);
}
