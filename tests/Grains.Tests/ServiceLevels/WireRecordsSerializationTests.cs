using System.Text.Json;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.ServiceLevels;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

/// <summary>The SLA records cross the wire intact through the Orleans serializer (DateOnly, TimeOnly, nested arrays).</summary>
public sealed class WireRecordsSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(SlaDefinition).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value)
        where T : class => Serializer.Deserialize<T>(Serializer.SerializeToArray(value)) ?? throw new InvalidOperationException("null");

    private static string SamplesFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImpactMesh.sln"))) return Path.Combine(dir.FullName, "samples", name);
        }

        throw new InvalidOperationException("ImpactMesh.sln not found");
    }

    [Fact]
    public void RoundTrip_SampleSlas_AreUnchanged()
    {
        var slas = SlaDocumentReader.Read(File.ReadAllText(SamplesFile("slas.yaml")), DocumentFormat.Yaml).Slas;
        Assert.NotEmpty(slas);

        foreach (var sla in slas)
        {
            Assert.Equal(JsonSerializer.Serialize(sla), JsonSerializer.Serialize(RoundTrip(sla)));
        }
    }

    [Fact]
    public void RoundTrip_ImprovementProposal_KeepsDueDate()
    {
        var p = new ImprovementProposal("sla", "availability", new TimeInterval(SlaFixtures.Utc(2026, 6, 1), SlaFixtures.Utc(2026, 7, 1)),
            SloOutcome.Breached, "t", "d", [new RootCauseShare("db", 10, 100)], new DateOnly(2026, 7, 14));

        var back = RoundTrip(p);

        Assert.Equal(new DateOnly(2026, 7, 14), back.DueDate);
        Assert.Equal("db", Assert.Single(back.RootCauses).RootCause);
    }

    [Fact]
    public void RoundTrip_MetricBucket_KeepsValueSum()
    {
        var back = RoundTrip(new MetricBucket(SlaFixtures.Utc(2026, 6, 1, 9), 4, 1, [1, 2, 1], 0.8));

        Assert.Equal((4L, 1L, 0.8), (back.Requests, back.Errors, back.ValueSum));
        Assert.Equal([1L, 2L, 1L], back.LatencyCounts);
    }

    [Fact]
    public void RoundTrip_ItemsReviewsAndSummaries_AreUnchanged()
    {
        var period = new TimeInterval(SlaFixtures.Utc(2026, 11, 1), SlaFixtures.Utc(2026, 12, 1));
        var item = new ImprovementItem("2026-11-availability", "availability", "2026-11", period, SloOutcome.Missed, "t", "d",
            [new RootCauseShare("db", 30, 100)], "dba", new DateOnly(2026, 12, 30), ImprovementStatus.InProgress, SlaFixtures.Utc(2026, 12, 2), null, ["note"]);
        var review = new ServiceReview("review-1", new DateOnly(2026, 12, 3), "2026-11", 1, ["A", "B"], ["decided"],
            [new ReviewAction("act", "dba", new DateOnly(2026, 12, 20), item.Id)], "olga", SlaFixtures.Utc(2026, 12, 3, 10));
        var summary = new SlaSummary("sla", "n", "c", SlaState.Active, 2, "2026-12",
            [new SloStanding("availability", SloKind.Availability, 99.95, 99.9, "%", SloOutcome.Met, new ErrorBudget(43.2, 10, "minutes"))],
            [new SlaAlert("sla", "availability", "page", new BurnRateWindow(TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), 14.4, "page"), 20, 30, SlaFixtures.Utc(2026, 12, 4), SlaFixtures.Utc(2026, 12, 4, 0, 1))],
            1, SlaFixtures.Utc(2026, 12, 4, 0, 1));

        Assert.Equal(JsonSerializer.Serialize(item), JsonSerializer.Serialize(RoundTrip(item)));
        Assert.Equal(JsonSerializer.Serialize(review), JsonSerializer.Serialize(RoundTrip(review)));
        Assert.Equal(JsonSerializer.Serialize(summary), JsonSerializer.Serialize(RoundTrip(summary)));
    }
}
