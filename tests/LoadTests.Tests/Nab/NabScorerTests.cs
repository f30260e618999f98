using ImpactMesh.LoadTests.Nab;

namespace ImpactMesh.LoadTests.Tests.Nab;

public sealed class NabScorerTests
{
    private static readonly DateTime T0 = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // 20 rows a minute apart: rows 0-2 are probation, the window covers rows 10-13 (width 4).
    private static readonly DateTime[] Times = [.. Enumerable.Range(0, 20).Select(i => T0.AddMinutes(i))];
    private static readonly NabWindow[] Window = [new(T0.AddMinutes(10), T0.AddMinutes(13))];

    private static NabFileRows File(params (int Row, double Score)[] scores)
    {
        var all = new double[Times.Length];
        foreach (var (row, score) in scores) all[row] = score;
        return NabScorer.Prepare("cat/file.csv", Times, all, Window);
    }

    [Theory]
    [InlineData(-1.0, 0.9866142981514305)]
    [InlineData(-0.5, 0.8482836399575131)]
    [InlineData(1.0, -0.9866142981514303)]
    [InlineData(3.5, -1.0)]
    public void ScaledSigmoid_Position_MatchesNab(double y, double expected) =>
        Assert.Equal(expected, NabScorer.ScaledSigmoid(y), 15);

    [Theory]
    [InlineData(20, 3)]
    [InlineData(4032, 604)]
    [InlineData(10000, 750)]
    public void ProbationLength_Rows_IsFifteenPercentCappedAt750(int rows, int expected) =>
        Assert.Equal(expected, NabScorer.ProbationLength(rows));

    [Fact]
    public void ScoreAt_EarliestDetectionInWindow_EarnsFullTruePositive()
    {
        var file = File((10, 1.0), (12, 1.0));

        var (totals, _) = NabScorer.ScoreAt([file], NabProfile.Standard, 0.5);

        Assert.Equal(1.0, totals.Score, 12);
        Assert.Equal((2, 0, 2, 13), (totals.TruePositives, totals.FalsePositives, totals.FalseNegatives, totals.TrueNegatives));
    }

    [Fact]
    public void ScoreAt_LateDetectionAndFalsePositives_WeightedBySigmoid()
    {
        // Row 2 is in probation (ignored); row 5 precedes the window (-A_FP); row 12 is half-way (f(-0.5)/f(-1));
        // row 16 is one window-width after the window (A_FP * f(1)).
        var file = File((2, 1.0), (5, 1.0), (12, 1.0), (16, 1.0));

        var standard = NabScorer.ScoreAt([file], NabProfile.Standard, 1.0).Totals.Score;
        var lowFp = NabScorer.ScoreAt([file], NabProfile.RewardLowFalsePositives, 1.0).Totals.Score;

        Assert.Equal(0.8597925669097837 - 0.11 - 0.10852757279665734, standard, 12);
        Assert.Equal(0.8597925669097837 - 0.22 - 0.21705514559331468, lowFp, 12);
    }

    [Fact]
    public void ScoreAt_NoDetection_CostsFalseNegativeWeightPerWindow()
    {
        var file = File();

        Assert.Equal(-1.0, NabScorer.ScoreAt([file], NabProfile.Standard, 0.5).Totals.Score, 12);
        Assert.Equal(-2.0, NabScorer.ScoreAt([file], NabProfile.RewardLowFalseNegatives, 0.5).Totals.Score, 12);
    }

    [Fact]
    public void Score_ThresholdOptimisation_PicksBestPerProfile()
    {
        var file = File((2, 1.0), (5, 0.8), (10, 0.6), (12, 0.9), (16, 0.5));

        var standard = NabScorer.Score([file], NabProfile.Standard);
        var lowFp = NabScorer.Score([file], NabProfile.RewardLowFalsePositives);

        Assert.Equal((0.6, 0.89), (standard.Threshold, Math.Round(standard.RawScore, 12)));
        Assert.Equal(100 * (0.89 + 1) / 2, standard.Normalized, 9);
        Assert.Equal(0.9, lowFp.Threshold);
        Assert.Equal(0.8597925669097837, lowFp.RawScore, 12);
    }

    [Fact]
    public void OptimizeThreshold_EqualScores_PrefersHighestThreshold()
    {
        var file = File((10, 0.7), (11, 0.6));

        Assert.Equal(0.7, NabScorer.OptimizeThreshold([file], NabProfile.Standard));
    }

    [Fact]
    public void OptimizeThreshold_FileWithoutWindows_ChoosesNoDetection()
    {
        var scores = Times.Select((_, i) => i % 3 == 0 ? 0.9 : 0.2).ToArray();
        var file = NabScorer.Prepare("cat/quiet.csv", Times, scores, []);

        var result = NabScorer.Score([file], NabProfile.Standard);

        Assert.Equal(NabScorer.NoDetectionThreshold, result.Threshold);
        Assert.Equal((0.0, 0), (result.RawScore, result.Totals.FalsePositives));
    }

    [Fact]
    public void ScoresByThreshold_Candidates_AreDistinctScoredScoresPlusNoDetection()
    {
        var file = File((2, 0.95), (5, 0.8), (10, 0.8), (12, 0.3));

        var thresholds = NabScorer.ScoresByThreshold([file], NabProfile.Standard).Select(s => s.Threshold);

        Assert.Equal([1.1, 0.8, 0.3, 0.0], thresholds);
    }
}
