using ImpactMesh.LoadTests.Commands;

var commands = new ICommand[]
{
    new TopologyLoadCommand(),
    new NabCommand(),
    new BenchCommand(),
    new LoadCommand(),
    new RampCommand(),
    new PropagationCommand(),
    new MemoryCommand(),
    new SoakCommand(),
    new ScaleOutCommand(),
    new SignalRCommand(),
};

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine("ImpactMesh load tests and benchmarks. Usage: dotnet run -c Release --project LoadTests -- <command> [options]");
    Console.WriteLine();
    foreach (var c in commands)
    {
        Console.WriteLine($"  {c.Name,-14} {c.Summary}");
    }
    return args.Length == 0 ? 1 : 0;
}

var command = commands.FirstOrDefault(c => c.Name == args[0]);
if (command is null)
{
    Console.Error.WriteLine($"Unknown command '{args[0]}'. Run with --help for the list.");
    return 1;
}

return await command.RunAsync(args[1..]);
