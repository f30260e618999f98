using System.Text.Json;
using ImpactMesh.LoadTests.Estate;

namespace ImpactMesh.LoadTests.Tests.Estate;

public sealed class EstateGeneratorTests
{
    private static JsonElement FirstComponent(EstateOptions options) =>
        JsonDocument.Parse(EstateGenerator.Generate(options).Document).RootElement.GetProperty("components")[0];

    [Fact]
    public void Generate_Critical_FirstMetricFailsAndRecoversOnOneSample()
    {
        var metrics = FirstComponent(new EstateOptions(Components: 200, Metrics: 2, Critical: 1_000)).GetProperty("metrics");

        var first = metrics.GetProperty(EstateGenerator.MetricNames[0]);
        Assert.Equal((1_000.0, 1, 1), (first.GetProperty("critical").GetDouble(), first.GetProperty("raiseAfter").GetInt32(), first.GetProperty("clearAfter").GetInt32()));
        Assert.Empty(metrics.GetProperty(EstateGenerator.MetricNames[1]).EnumerateObject());
    }

    [Fact]
    public void Generate_NoCritical_MetricsHaveNoSettings()
    {
        var metrics = FirstComponent(new EstateOptions(Components: 200, Metrics: 2)).GetProperty("metrics");

        Assert.All(metrics.EnumerateObject(), m => Assert.Empty(m.Value.EnumerateObject()));
    }
}
