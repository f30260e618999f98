using System.Text.Json;
using ImpactMesh.LoadTests.Estate;

namespace ImpactMesh.LoadTests.Tests.Estate;

public sealed class EstateGeneratorTests
{
    [Fact]
    public void Generate_DeclaredMetrics_EveryLeafAndOnlyLeavesHaveTheProbe()
    {
        var estate = EstateGenerator.Generate(new EstateOptions(Components: 500, Metrics: 2));

        var probes = Components(estate).Where(c => c.GetProperty("metrics").TryGetProperty(EstateGenerator.ProbeMetric, out _)).Select(c => c.GetProperty("id").GetString()!).ToList();

        Assert.Equal(estate.Leaves, probes);
    }

    [Fact]
    public void Generate_DeclaredMetrics_OneSampleOfOneRaisesTheProbeAndOneClearsIt()
    {
        var estate = EstateGenerator.Generate(new EstateOptions(Components: 100));

        var probe = Components(estate).First().GetProperty("metrics").GetProperty(EstateGenerator.ProbeMetric);

        Assert.Equal(("higher-is-worse", 1, 1, 1), (probe.GetProperty("direction").GetString(), probe.GetProperty("critical").GetDouble(), probe.GetProperty("raiseAfter").GetInt32(), probe.GetProperty("clearAfter").GetInt32()));
    }

    [Fact]
    public void Generate_MetricsNotDeclared_NoProbe()
    {
        var estate = EstateGenerator.Generate(new EstateOptions(Components: 100, DeclareMetrics: false));

        Assert.All(Components(estate), c => Assert.False(c.TryGetProperty("metrics", out _)));
    }

    private static List<JsonElement> Components(EstateGenerator.Estate estate) =>
        [.. JsonDocument.Parse(estate.Document).RootElement.GetProperty("components").EnumerateArray()];
}
