using System.Text.Json;
using ImpactMesh.LoadTests.Commands;

namespace ImpactMesh.LoadTests.Tests.Nab;

public sealed class NabCommandTests
{
    [Fact]
    public async Task RunAsync_DetectThenScoreOnly_WritesNabLayoutAndSameScores()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "impactmesh-nab-" + Guid.NewGuid().ToString("N"));
        var rescored = Path.Combine(outDir, "rescored");
        try
        {
            var command = new NabCommand();
            var detect = await command.RunAsync(["--data", NabPaths.Data, "--labels", NabPaths.Windows, "--out", outDir]);
            var scoreOnly = await command.RunAsync(["--data", NabPaths.Data, "--labels", NabPaths.Windows,
                "--score-only", outDir, "--detector", "impactmesh", "--out", rescored]);

            Assert.Equal((0, 0), (detect, scoreOnly));
            var files = Directory.GetFiles(Path.Combine(outDir, "impactmesh"), "impactmesh_*.csv", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith("_scores.csv", StringComparison.Ordinal)).ToList();
            Assert.Equal(41, files.Count);
            Assert.True(File.Exists(Path.Combine(outDir, "impactmesh", "realTraffic", "impactmesh_speed_7578.csv")));
            Assert.Equal("timestamp,value,anomaly_score,label", File.ReadLines(files[0]).First());
            Assert.Equal(File.ReadAllText(Path.Combine(outDir, "final_results.json")),
                File.ReadAllText(Path.Combine(rescored, "final_results.json")));
            var scores = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(
                File.ReadAllText(Path.Combine(outDir, "final_results.json")))!["impactmesh"];
            Assert.Equal(["standard", "reward_low_FP_rate", "reward_low_FN_rate"], scores.Keys);
            Assert.True(scores["standard"] >= 60, $"NAB standard score {scores["standard"]}");
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }
}
