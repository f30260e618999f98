using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.Extensions.Options;

namespace ImpactMesh.Silo.Hosting;

/// <summary>
/// Loads the sample estate into an empty relation graph once the silo is up, so a newcomer sees a live map straight away.
/// By default only in embedded mode; <see cref="SiloOptions.SampleTopology"/> chooses another file or none.
/// </summary>
internal sealed partial class SampleTopologyLoader(
    IGrainFactory grains,
    IOptions<SiloOptions> options,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ILogger<SampleTopologyLoader> logger) : IHostedService
{
    public const string DefaultFile = "samples/topology.yaml";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = LoadAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LoadAsync()
    {
        var file = options.Value.SampleTopology ?? (options.Value.Redis is null ? DefaultFile : null);
        if (string.IsNullOrWhiteSpace(file)) return;
        var path = Resolve(file);
        if (path is null)
        {
            LogMissing(logger, file);
            return;
        }

        try
        {
            var topology = grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key);
            if ((await topology.GetSnapshotAsync()).Version > 0) return;
            var format = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? DocumentFormat.Json : DocumentFormat.Yaml;
            var result = await topology.ReplaceAsync(await File.ReadAllTextAsync(path), format);
            if (result.Applied) LogLoaded(logger, path, result.Components, result.Relations);
            else LogInvalid(logger, path, string.Join("; ", result.Errors));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(logger, path, e);
        }
    }

    private string? Resolve(string file) =>
        new[] { file, Path.Combine(environment.ContentRootPath, file), Path.Combine(AppContext.BaseDirectory, file) }
            .Select(Path.GetFullPath)
            .FirstOrDefault(File.Exists);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the sample topology {Path}: {Components} components, {Relations} relations")]
    private static partial void LogLoaded(ILogger logger, string path, int components, int relations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample topology {File} not found; starting with an empty graph")]
    private static partial void LogMissing(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sample topology {Path} is not valid: {Errors}")]
    private static partial void LogInvalid(ILogger logger, string path, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the sample topology {Path}")]
    private static partial void LogFailed(ILogger logger, string path, Exception exception);
}
