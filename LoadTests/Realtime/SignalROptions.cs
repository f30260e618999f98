using ImpactMesh.LoadTests.Load;

namespace ImpactMesh.LoadTests.Realtime;

/// <summary>
/// The options of the <c>signalr</c> command: the shared estate and output options, how many hub clients, how many
/// single-leaf injections with what pause between them, and which kinds of leaf fail together in the storm (a leaf fails
/// and recovers on one sample of the estate's probe metric, <see cref="Estate.EstateGenerator.ProbeMetric"/>).
/// </summary>
internal sealed record SignalROptions(LoadOptions Load, int Clients, int Injections, TimeSpan Pause, IReadOnlyList<string> StormKinds, TimeSpan Timeout, string Name)
{
    public static SignalROptions Read(Commands.CommandLine options)
    {
        var load = LoadOptions.Read(options, "signalr");
        var clients = options.Int("clients", 1);
        var injections = options.Int("injections", 50);
        var pause = options.Double("pause", 0.05);
        var kinds = (options.String("storm-kinds") ?? "network").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var timeout = options.Double("timeout", 30);
        if (load.Url is not null) throw new ArgumentException("--url: signalr needs the embedded silo (it asks what-if which components a failure affects); run it without --url");
        if (clients is < 1 or > 64) throw new ArgumentException($"--clients: between 1 and 64, not {clients}");
        if (injections < 1) throw new ArgumentException($"--injections: at least 1, not {injections}");
        if (pause < 0) throw new ArgumentException($"--pause: seconds, not negative ({pause})");
        if (kinds.Length == 0) throw new ArgumentException("--storm-kinds: name at least one kind, e.g. network,storage");
        if (timeout <= 0) throw new ArgumentException($"--timeout: seconds above 0, not {timeout}");
        return new SignalROptions(load, clients, injections, TimeSpan.FromSeconds(pause), kinds, TimeSpan.FromSeconds(timeout), load.Name);
    }
}
