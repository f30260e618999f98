using ImpactMesh.LoadTests.Load;

namespace ImpactMesh.LoadTests.Realtime;

/// <summary>
/// The options of the <c>signalr</c> command: the shared estate and output options (the estate's first metric gets the
/// static critical level <see cref="Critical"/>, so that one sample fails or recovers a component), how many hub clients,
/// how many single-leaf injections with what pause between them, and which kinds of component fail together in the storm.
/// </summary>
internal sealed record SignalROptions(LoadOptions Load, int Clients, int Injections, TimeSpan Pause, IReadOnlyList<string> StormKinds, TimeSpan Timeout, string Name)
{
    /// <summary>The static critical level of every component's first metric; the load's samples stay around 100.</summary>
    public const double Critical = 1_000;

    /// <summary>The value of a failing sample.</summary>
    public const double FailingValue = 5_000;

    /// <summary>The value of a recovering sample.</summary>
    public const double NormalValue = 100;

    public static SignalROptions Read(Commands.CommandLine options)
    {
        var load = LoadOptions.Read(options);
        var clients = options.Int("clients", 1);
        var injections = options.Int("injections", 50);
        var pause = options.Double("pause", 0.05);
        var kinds = (options.String("storm-kinds") ?? "network").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var timeout = options.Double("timeout", 30);
        var name = options.String("name") ?? "signalr";
        if (load.Url is not null) throw new ArgumentException("--url: signalr needs the embedded silo (it asks what-if which components a failure affects); run it without --url");
        if (clients is < 1 or > 64) throw new ArgumentException($"--clients: between 1 and 64, not {clients}");
        if (injections < 1) throw new ArgumentException($"--injections: at least 1, not {injections}");
        if (pause < 0) throw new ArgumentException($"--pause: seconds, not negative ({pause})");
        if (kinds.Length == 0) throw new ArgumentException("--storm-kinds: name at least one kind, e.g. network,storage");
        if (timeout <= 0) throw new ArgumentException($"--timeout: seconds above 0, not {timeout}");
        return new SignalROptions(load with { Estate = load.Estate with { Critical = Critical } }, clients, injections, TimeSpan.FromSeconds(pause), kinds,
            TimeSpan.FromSeconds(timeout), name);
    }
}
