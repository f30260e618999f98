using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.Interfaces.Tests.ServiceLevels;

public sealed class ServiceLevelRecordsTests
{
    private static readonly ServiceSelector Selector = new(["svc-webshop"], ImmutableSortedDictionary<string, string>.Empty.Add("tier", "gold").Add("region", "eu"));

    [Theory]
    [InlineData("svc-webshop", "", "", true)]
    [InlineData("svc-crm", "gold", "eu", true)]
    [InlineData("svc-crm", "gold", "us", false)]
    [InlineData("svc-crm", "", "", false)]
    public void Matches_IdOrEveryTag_SelectsTheService(string id, string tier, string region, bool expected)
    {
        var tags = new Dictionary<string, string>();
        if (tier.Length > 0) tags["tier"] = tier;
        if (region.Length > 0) tags["region"] = region;

        Assert.Equal(expected, Selector.Matches(id, tags));
    }

    [Fact]
    public void Remaining_OverspentBudget_IsNegativeAndUsedPercentAboveHundred()
    {
        var budget = new ErrorBudget(43.2, 64.8, "min");

        Assert.Equal(-21.6, budget.Remaining, 9);
        Assert.Equal(150, budget.UsedPercent, 9);
    }

    [Theory]
    [InlineData("08:00", "20:00", false)]
    [InlineData("22:00", "06:00", true)]
    [InlineData("00:00", "00:00", true)]
    public void CrossesMidnight_FromAndTo_IsWhenToIsNotAfterFrom(string from, string to, bool expected)
    {
        var w = new ServiceWindow([DayOfWeek.Monday], TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, w.CrossesMidnight);
    }
}
