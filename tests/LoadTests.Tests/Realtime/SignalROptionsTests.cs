using ImpactMesh.LoadTests.Realtime;

namespace ImpactMesh.LoadTests.Tests.Realtime;

public sealed class SignalROptionsTests
{
    [Fact]
    public void Read_NoOptions_TenThousandComponentsOneClientNetworkStorm()
    {
        var options = SignalROptions.Read(new Commands.CommandLine([]));

        Assert.Equal(10_000, options.Load.Estate.Components);
        Assert.Equal((1, 50), (options.Clients, options.Injections));
        Assert.Equal(["network"], options.StormKinds);
        Assert.Equal("signalr", options.Name);
    }

    [Fact]
    public void Read_Given_TakesEveryOption()
    {
        var options = SignalROptions.Read(new Commands.CommandLine(["--components", "2000", "--clients", "3", "--injections", "20", "--pause", "0.5",
            "--storm-kinds", "network, host", "--timeout", "5", "--name", "hub"]));

        Assert.Equal(2_000, options.Load.Estate.Components);
        Assert.Equal((3, 20, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(5), "hub"), (options.Clients, options.Injections, options.Pause, options.Timeout, options.Name));
        Assert.Equal(["network", "host"], options.StormKinds);
    }

    [Theory]
    [InlineData("--clients", "0", "--clients: between 1 and 64, not 0")]
    [InlineData("--injections", "0", "--injections: at least 1, not 0")]
    [InlineData("--storm-kinds", ",", "--storm-kinds: name at least one kind")]
    [InlineData("--timeout", "0", "--timeout: seconds above 0, not 0")]
    [InlineData("--url", "http://localhost:5000", "--url: signalr needs the embedded silo")]
    public void Read_BadValue_NamesTheOption(string option, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => SignalROptions.Read(new Commands.CommandLine([option, value])));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
