using CsCheck;
using ImpactMesh.Grains.Monitoring;

namespace ImpactMesh.Grains.Tests.Monitoring;

public sealed class SelectionTests
{
    [Fact]
    public void Median_OddAndEvenCounts_MatchesSortedMiddle()
    {
        Assert.Equal(3.0, Selection.Median(new double[] { 5, 1, 3 }));
        Assert.Equal(2.5, Selection.Median(new double[] { 4, 1, 3, 2 }));
        Assert.True(double.IsNaN(Selection.Median(Span<double>.Empty)));
    }

    [Fact]
    public void Median_AnyValues_EqualsSortReference()
    {
        Gen.Double[-1e6, 1e6].Array[1, 64].Sample(values =>
        {
            var sorted = values.OrderBy(v => v).ToArray();
            var n = sorted.Length;
            var expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            Assert.Equal(expected, Selection.Median(values.ToArray()));
        });
    }

    [Fact]
    public void Select_ManyDuplicates_ReturnsKthSmallest()
    {
        Gen.Int[0, 3].Select(i => (double)i).Array[1, 64].Sample(values =>
        {
            var sorted = values.OrderBy(v => v).ToArray();
            for (var k = 0; k < values.Length; k++)
            {
                Assert.Equal(sorted[k], Selection.Select(values.ToArray(), k));
            }
        });
    }
}
