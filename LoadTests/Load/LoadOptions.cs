using ImpactMesh.LoadTests.Estate;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// The options the load commands share (estate shape, target, batching, output and report name), read from the command
/// line. <see cref="Name"/> is <c>--name</c>, or the command's name with <c>-http</c> for HTTP runs. <see cref="Hub"/>
/// (<c>--hub</c>) watches the impact through the SignalR hub in process too (it always does against a running cluster).
/// <see cref="Redis"/> (<c>--redis host:port</c>) runs the embedded silo as in production, clustered and persisted through
/// that Redis (a new cluster id per run), instead of with localhost clustering and in-memory storage.
/// </summary>
internal sealed record LoadOptions(
    EstateOptions Estate,
    string? Url,
    string? Key,
    string? Redis,
    bool Http,
    bool Hub,
    int BatchSize,
    int ComponentsPerRequest,
    int MaxInFlight,
    TimeSpan Warmup,
    string OutputFolder,
    string Name)
{
    public static LoadOptions Read(Commands.CommandLine options, string command)
    {
        var url = options.String("url");
        var http = options.Flag("http") || url is not null;
        return new LoadOptions(
            new EstateOptions(options.Int("components", 10_000), options.Int("fan-out", 3), options.Int("depth", 8), options.Int("seed", 42), options.Int("metrics", 4)),
            url,
            options.String("key"),
            options.String("redis"),
            http,
            options.Flag("hub"),
            options.Int("batch", http ? 5_000 : 100),
            options.Int("components-per-request", 50),
            options.Int("max-in-flight", 4_096),
            TimeSpan.FromSeconds(options.Double("warmup", 3)),
            options.String("out") ?? Path.Combine("LoadTests", "reports"),
            options.String("name") ?? (http ? command + "-http" : command));
    }
}
