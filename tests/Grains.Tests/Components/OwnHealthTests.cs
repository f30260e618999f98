using ImpactMesh.Grains.Components;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Grains.Tests.Components;

public sealed class OwnHealthTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static ExternalStatus Event(string source, HealthStatus status, DateTimeOffset at, DateTimeOffset? expires = null) =>
        new(source, status, $"{source} says {status}", at, expires);

    [Fact]
    public void Record_WorstSourceAndMetrics_Wins()
    {
        var own = new OwnHealth([]);

        own.SetMetrics(HealthStatus.Minor, "cpu 91 above band");
        own.Record(Event("nagios", HealthStatus.Major, At));
        own.Record(Event("zabbix", HealthStatus.Warning, At));

        Assert.Equal((HealthStatus.Major, "nagios: nagios says Major"), (own.Status, own.Reason));
    }

    [Fact]
    public void Record_OlderEventArrivingLate_DoesNotOverrideNewer()
    {
        var own = new OwnHealth([]);

        own.Record(Event("nagios", HealthStatus.Ok, At.AddMinutes(1)));
        var changed = own.Record(Event("nagios", HealthStatus.Critical, At));

        Assert.False(changed);
        Assert.Equal(HealthStatus.Ok, own.Status);
    }

    [Fact]
    public void Expire_PastExpiry_DropsStatusAndReportsWhen()
    {
        var own = new OwnHealth([]);
        own.Record(Event("nagios", HealthStatus.Critical, At, At.AddMinutes(5)));

        Assert.Null(own.Expire(At.AddMinutes(4)));
        Assert.Equal(At.AddMinutes(5), own.Expire(At.AddMinutes(6)));
        Assert.Equal(HealthStatus.Ok, own.Status);
        Assert.Null(own.NextExpiry);
    }

    [Fact]
    public void SetMetrics_UnknownMetricsButKnownEvent_EventCounts()
    {
        var own = new OwnHealth([]);
        own.SetMetrics(HealthStatus.Unknown, "no data yet");

        own.Record(Event("nagios", HealthStatus.Warning, At));

        Assert.Equal(HealthStatus.Warning, own.Status);
    }
}
