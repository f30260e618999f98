using ImpactMesh.LoadTests.Nab;

namespace ImpactMesh.LoadTests.Tests.Nab;

/// <summary>Scores NAB's published windowedGaussian results on the DEV subset and checks the reference figures.</summary>
public sealed class NabReferenceTests
{
    private static readonly Lazy<IReadOnlyList<NabFileRows>> WindowedGaussian = new(() =>
    {
        var windows = NabLabels.LoadWindows(NabPaths.Windows);
        return [.. NabSeries.LoadAll(NabPaths.Data).Select(s => NabScorer.Prepare(
            s.Key, s.Timestamps, NabResults.ReadScores(NabResults.PathOf(NabPaths.Results, "windowedGaussian", s.Key)), windows[s.Key]))];
    });

    [Theory]
    [InlineData("standard", 0.999999999999, -10.976911199, 41.424288126, 315, 195, 10935, 105341)]
    [InlineData("reward_low_FP_rate", 1.0, -30.109597241, 26.476877155, 299, 177, 10951, 105359)]
    [InlineData("reward_low_FN_rate", 0.999999999999, -34.976911199, 48.449525417, 315, 195, 10935, 105341)]
    public void Score_WindowedGaussianResults_ReproducesReference(string profile, double threshold, double raw, double normalized,
        int tp, int fp, int fn, int tn)
    {
        var files = WindowedGaussian.Value;

        var result = NabScorer.Score(files, NabProfile.All.Single(p => p.Name == profile));

        Assert.Equal(41, files.Count);
        Assert.Equal(64, files.Sum(f => f.ScoredWindowCount));
        Assert.Equal(threshold, result.Threshold);
        Assert.Equal(raw, result.RawScore, 1e-6);
        Assert.Equal(normalized, result.Normalized, 1e-6);
        Assert.Equal((tp, fp, fn, tn), (result.Totals.TruePositives, result.Totals.FalsePositives,
            result.Totals.FalseNegatives, result.Totals.TrueNegatives));
        Assert.Equal(116_786, result.Totals.Total);
    }

    [Theory]
    [InlineData("standard", -11.018212, 41.392022)]
    [InlineData("reward_low_FP_rate", -30.109597, 26.476877)]
    [InlineData("reward_low_FN_rate", -36.018212, 47.907181)]
    public void Score_WindowedGaussianAtFullCorpusThreshold_ReproducesSecondCheckPoint(string profile, double raw, double normalized)
    {
        var result = NabScorer.Score(WindowedGaussian.Value, NabProfile.All.Single(p => p.Name == profile), threshold: 1.0);

        Assert.Equal(raw, result.RawScore, 1e-6);
        Assert.Equal(normalized, result.Normalized, 1e-6);
    }

    [Fact]
    public void ScoreAt_WindowedGaussianStandard_MatchesPublishedPerFileTable()
    {
        var table = System.IO.File.ReadLines(Path.Combine(NabPaths.Results, "windowedGaussian", "windowedGaussian_standard_scores.csv"))
            .Skip(1).Select(l => l.Split(',')).Where(c => c[0] != "Totals")
            .ToDictionary(c => c[2], c => double.Parse(c[4], System.Globalization.CultureInfo.InvariantCulture));

        var (_, files) = NabScorer.ScoreAt(WindowedGaussian.Value, NabProfile.Standard, 0.999999999999);

        Assert.Equal(table.Count, files.Count);
        foreach (var f in files) Assert.Equal(table[f.Key], f.Score, 1e-9);
    }
}
