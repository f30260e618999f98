using ImpactMesh.Grains.Documents;

namespace ImpactMesh.Grains.Tests.Documents;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("PT5M", 300)]
    [InlineData("00:05:00", 300)]
    [InlineData("1.00:00:00", 86400)]
    public void TryParse_ValidForms_ReturnsSeconds(string text, double seconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Fact]
    public void TryParse_Milliseconds_AreNotMinutes() =>
        Assert.Equal(TimeSpan.FromMilliseconds(250), Durations.TryParse("250ms", out var d) ? d : TimeSpan.MaxValue);

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5x")]
    [InlineData("m5")]
    [InlineData("-5m")]
    [InlineData("P-1D")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(Durations.TryParse(text, out _));

    [Theory]
    [InlineData(5400, "1h30m")]
    [InlineData(0, "0s")]
    [InlineData(90061, "1d1h1m1s")]
    public void Format_Duration_RoundTrips(double seconds, string expected)
    {
        var text = Durations.Format(TimeSpan.FromSeconds(seconds));
        Assert.Equal(expected, text);
        Assert.True(Durations.TryParse(text, out var back));
        Assert.Equal(seconds, back.TotalSeconds);
    }
}
