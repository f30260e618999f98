using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

[Collection(ClusterCollection.Name)]
public sealed class StatusHistoryGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static StatusChange Change(double hours, HealthStatus status) => new(Day.AddHours(hours), status, $"{status} at {hours}", ["db-1"]);

    private IStatusHistoryGrain Grain(string component, DateTimeOffset day) => fixture.Grains.GetGrain<IStatusHistoryGrain>(IMetricHistoryGrain.KeyOf(component, day));

    private static double[] Hours(IEnumerable<StatusChange> changes) => [.. changes.Select(c => (c.At - Day).TotalHours)];

    [Fact]
    public async Task AppendAsync_OutOfOrderAndResent_KeepsEachChangeOnceInTimeOrder_AcrossActivations()
    {
        var grain = Grain("sh-1", Day);

        await grain.AppendAsync([Change(1, HealthStatus.Critical), Change(3, HealthStatus.Ok)]);
        await grain.AppendAsync([Change(2, HealthStatus.Ok), Change(3, HealthStatus.Ok)]);
        await grain.AppendAsync([Change(1, HealthStatus.Critical)]);

        var all = await grain.GetChangesAsync(Day, Day.AddDays(1));
        Assert.Equal([1.0, 2, 3], Hours(all));
        Assert.Equal(["db-1"], all[0].RootCauses);
        Assert.Equal("Ok at 2", all[1].Reason);
    }

    [Fact]
    public async Task GetChangesAsync_TheRange_PrecededByTheLastChangeBeforeIt()
    {
        var grain = Grain("sh-2", Day);
        await grain.AppendAsync([Change(1, HealthStatus.Critical), Change(2, HealthStatus.Ok), Change(5, HealthStatus.Major), Change(9, HealthStatus.Ok)]);

        var range = await grain.GetChangesAsync(Day.AddHours(4), Day.AddHours(9));
        var later = await grain.GetChangesAsync(Day.AddDays(2), Day.AddDays(3));

        Assert.Equal([2.0, 5], Hours(range));
        Assert.Equal([9.0], Hours(later));
        Assert.Empty(await grain.GetChangesAsync(Day.AddDays(-1), Day));
    }

    [Fact]
    public async Task AppendAsync_AChangeOfAnotherDay_IsRefused_AndNothingIsStored()
    {
        var grain = Grain("sh-3", Day);

        await Assert.ThrowsAsync<ArgumentException>(() => grain.AppendAsync([Change(23, HealthStatus.Critical), Change(24, HealthStatus.Ok)]));

        Assert.Empty(await grain.GetChangesAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task AppendAsync_FirstOfADay_ForgetsTheDayThatLeftTheRetention()
    {
        var old = Day.AddDays(-IMetricHistoryGrain.RetentionDays);
        await Grain("sh-4", old).AppendAsync([new StatusChange(old.AddHours(1), HealthStatus.Critical, "old", [])]);
        await Grain("sh-4", old.AddDays(1)).AppendAsync([new StatusChange(old.AddDays(1).AddHours(1), HealthStatus.Ok, "kept", [])]);

        await Grain("sh-4", Day).AppendAsync([Change(1, HealthStatus.Ok)]);

        Assert.Empty(await Grain("sh-4", old).GetChangesAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Single(await Grain("sh-4", old.AddDays(1)).GetChangesAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }
}
