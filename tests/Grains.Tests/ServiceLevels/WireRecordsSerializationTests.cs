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
}
