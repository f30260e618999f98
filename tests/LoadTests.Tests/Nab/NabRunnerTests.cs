using ImpactMesh.LoadTests.Nab;

namespace ImpactMesh.LoadTests.Tests.Nab;

public sealed class NabRunnerTests
{
    [Fact]
    public void Detect_RealFile_GivesOneScoreInUnitIntervalPerRow()
    {
        var series = NabSeries.Load(Path.Combine(NabPaths.Data, "realTraffic", "speed_7578.csv"), "realTraffic/speed_7578.csv");

        var scores = NabRunner.Detect(series, NabRunner.Settings);

        Assert.Equal(series.Count, scores.Length);
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.Contains(scores, s => s > 0.5);
    }

    [Fact]
    public void Detect_SameInput_IsDeterministic()
    {
        var series = NabSeries.Load(Path.Combine(NabPaths.Data, "artificialWithAnomaly", "art_daily_jumpsup.csv"), "artificialWithAnomaly/art_daily_jumpsup.csv");

        Assert.Equal(NabRunner.Detect(series, NabRunner.Settings), NabRunner.Detect(series, NabRunner.Settings));
    }

    [Fact]
    public void PathOf_Key_FollowsNabLayout()
    {
        var path = NabResults.PathOf("results", "impactmesh", "realTraffic/speed_7578.csv");

        Assert.Equal(Path.Combine("results", "impactmesh", "realTraffic", "impactmesh_speed_7578.csv"), path);
    }
}
