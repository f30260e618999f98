using CommandLineOptions = ImpactMesh.LoadTests.Commands.CommandLine;
using ImpactMesh.LoadTests.Load;

namespace ImpactMesh.LoadTests.Tests.Load;

public sealed class LoadOptionsTests
{
    [Fact]
    public void Read_Nothing_InProcessBatchesOf100NamedAfterTheCommand()
    {
        var options = LoadOptions.Read(new CommandLineOptions([]), "soak");

        Assert.Equal((false, false, 100, "soak"), (options.Http, options.Hub, options.BatchSize, options.Name));
    }

    [Fact]
    public void Read_Url_HttpWithRequestBodiesOf5000()
    {
        var options = LoadOptions.Read(new CommandLineOptions(["--url", "http://127.0.0.1:5001", "--key", "k"]), "propagation");

        Assert.Equal(("http://127.0.0.1:5001", "k", true, 5_000, "propagation-http"), (options.Url, options.Key, options.Http, options.BatchSize, options.Name));
    }

    [Fact]
    public void Read_NameAndHub_Taken()
    {
        var command = new CommandLineOptions(["--name", "mine", "--hub", "--components", "300"]);

        var options = LoadOptions.Read(command, "load");
        command.EnsureAllUsed();

        Assert.Equal(("mine", true, 300), (options.Name, options.Hub, options.Estate.Components));
    }
}
