using ImpactMesh.LoadTests.Commands;
using ImpactMesh.LoadTests.Estate;

namespace ImpactMesh.LoadTests.Load;

/// <summary>The options the load commands share (estate shape, target, batching, output), read from the command line.</summary>
internal sealed record LoadOptions(
    EstateOptions Estate,
    string? Url,
    string? Key,
    bool Http,
    int BatchSize,
    int ComponentsPerRequest,
    int MaxInFlight,
    TimeSpan Warmup,
    string OutputFolder)
{
    public static LoadOptions Read(Commands.CommandLine options, int components = 10_000)
    {
        var http = options.Flag("http");
        return new LoadOptions(
            new EstateOptions(options.Int("components", components), options.Int("fan-out", 3), options.Int("depth", 8), options.Int("seed", 42), options.Int("metrics", 4)),
            options.String("url"),
            options.String("key"),
            http || options.String("url") is not null,
            options.Int("batch", http ? 5_000 : 100),
            options.Int("components-per-request", 50),
            options.Int("max-in-flight", 4_096),
            TimeSpan.FromSeconds(options.Double("warmup", 3)),
            options.String("out") ?? Path.Combine("LoadTests", "reports"));
    }
}
