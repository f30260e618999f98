using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Topology;
using ImpactMesh.LoadTests.Estate;
using ImpactMesh.LoadTests.Hosting;

namespace ImpactMesh.LoadTests.Commands;

/// <summary>
/// Measures loading a large relation graph with one <c>PUT /api/topology</c>: generation, the PUT itself (parse,
/// validate, persist, configure every component grain) against a plain JSON parse of the same document as the baseline,
/// reading it back, and (embedded) the memory it takes.
/// </summary>
internal sealed class TopologyLoadCommand : ICommand
{
    public string Name => "topology-load";

    public string Summary => "Load a generated estate (default 100,000 components) in one PUT /api/topology; time and memory.";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new CommandLine(args);
        var estateOptions = new EstateOptions(options.Int("components", 100_000), options.Int("fan-out", 3), options.Int("depth", 8), options.Int("seed", 42));
        var url = options.String("url");
        var key = options.String("key");
        var output = options.String("out") ?? Path.Combine("LoadTests", "reports", "topology-load.json");
        options.EnsureAllUsed();

        var clock = Stopwatch.StartNew();
        var estate = EstateGenerator.Generate(estateOptions);
        var generateSeconds = clock.Elapsed.TotalSeconds;
        var bytes = Encoding.UTF8.GetByteCount(estate.Document);
        Console.WriteLine($"Generated {estate.Components:N0} components, {estate.Relations:N0} relations, {bytes / 1e6:N1} MB in {generateSeconds:N2} s");

        clock.Restart();
        using (JsonDocument.Parse(estate.Document)) { }
        var parseSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var validated = new TopologyGraph([], 0, null).Replace(estate.Document, DocumentFormat.Json, DateTimeOffset.UtcNow);
        var validateSeconds = clock.Elapsed.TotalSeconds;
        if (!validated.Result.Applied) throw new InvalidOperationException("The generated estate is not valid: " + string.Join("; ", validated.Result.Errors.Take(5)));

        await using var silo = await EmbeddedSilo.StartAsync(url, key);
        using var client = silo.CreateClient();
        var memoryBefore = Settle();

        clock.Restart();
        using var content = new StringContent(estate.Document, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = await client.PutAsync("/api/topology", content);
        var putSeconds = clock.Elapsed.TotalSeconds;
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"PUT /api/topology failed: {(int)response.StatusCode} {body[..Math.Min(2000, body.Length)]}");
            return 2;
        }

        var memoryAfter = silo.InProcess ? Settle() : 0;
        var service = estate.Services[0];
        var reads = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            clock.Restart();
            (await client.GetAsync($"/api/components/{estate.Services[i % estate.Services.Count]}")).EnsureSuccessStatusCode();
            reads.Add(clock.Elapsed.TotalMilliseconds);
        }

        clock.Restart();
        var graph = await client.GetStringAsync("/api/topology");
        var getSeconds = clock.Elapsed.TotalSeconds;
        reads.Sort();

        var figures = new Dictionary<string, object>
        {
            ["components"] = estate.Components,
            ["relations"] = estate.Relations,
            ["documentBytes"] = bytes,
            ["target"] = silo.InProcess ? "embedded silo (this process)" : silo.Address.ToString(),
            ["putSeconds"] = Math.Round(putSeconds, 3),
            ["jsonParseBaselineSeconds"] = Math.Round(parseSeconds, 3),
            ["putToParseRatio"] = Math.Round(putSeconds / parseSeconds, 1),
            ["readAndValidateSeconds"] = Math.Round(validateSeconds, 3),
            ["componentsPerSecond"] = Math.Round(estate.Components / putSeconds),
            ["getTopologySeconds"] = Math.Round(getSeconds, 3),
            ["getTopologyBytes"] = Encoding.UTF8.GetByteCount(graph),
            ["getComponentMillisP50"] = Math.Round(reads[reads.Count / 2], 3),
            ["getComponentMillisP99"] = Math.Round(reads[(int)(reads.Count * 0.99)], 3),
            ["managedBytesPerComponent"] = silo.InProcess ? Math.Round((double)(memoryAfter - memoryBefore) / estate.Components) : double.NaN,
            ["processWorkingSetMB"] = Math.Round(Process.GetCurrentProcess().WorkingSet64 / 1e6),
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            ["at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };

        Console.WriteLine();
        Console.WriteLine("| figure | value |");
        Console.WriteLine("|---|---|");
        foreach (var (name, value) in figures) Console.WriteLine($"| {name} | {Convert.ToString(value, CultureInfo.InvariantCulture)} |");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"\nWritten {output}");
        return 0;
    }

    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
