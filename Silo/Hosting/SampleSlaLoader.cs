using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.Extensions.Options;

namespace ImpactMesh.Silo.Hosting;

/// <summary>
/// Loads the sample SLA documents (every <c>*sla*.yaml</c>, <c>*sla*.yml</c> and <c>*sla*.json</c> of the samples folder,
/// templates first) once the sample topology is in, when no SLA exists yet, so a newcomer sees SLA status and a report at
/// once. By default only in embedded mode; <see cref="SiloOptions.SampleSlas"/> chooses another folder or none. It always
/// activates the SLA registry, which wakes the SLAs so Active ones evaluate their alerts after a restart.
/// </summary>
internal sealed partial class SampleSlaLoader(
    IGrainFactory grains,
    IOptions<SiloOptions> options,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ILogger<SampleSlaLoader> logger) : IHostedService
{
    public const string DefaultFolder = "samples";
    private const int TopologyChecks = 150;
    private static readonly TimeSpan TopologyCheckInterval = TimeSpan.FromMilliseconds(200);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = LoadAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LoadAsync(CancellationToken stopping)
    {
        try
        {
            var registry = grains.GetGrain<ISlaRegistryGrain>(ISlaRegistryGrain.Key);
            var existing = await registry.GetSlaIdsAsync();
            var folder = options.Value.SampleSlas ?? (options.Value.Redis is null ? DefaultFolder : null);
            if (string.IsNullOrWhiteSpace(folder) || existing.Length > 0) return;
            var path = Resolve(folder);
            if (path is null)
            {
                LogMissing(logger, folder);
                return;
            }

            // SLAs select services by tag from the relation graph: give the sample topology a moment to arrive.
            var topology = grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key);
            for (var check = 0; check < TopologyChecks && await topology.GetVersionAsync() == 0; check++) await Task.Delay(TopologyCheckInterval, stopping);

            var files = Directory.EnumerateFiles(path)
                .Where(f => Path.GetFileName(f).Contains("sla", StringComparison.OrdinalIgnoreCase)
                    && Path.GetExtension(f).ToLowerInvariant() is ".yaml" or ".yml" or ".json")
                .OrderBy(f => Path.GetFileName(f).Contains("template", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(f => f, StringComparer.Ordinal);
            foreach (var file in files)
            {
                var format = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? DocumentFormat.Json : DocumentFormat.Yaml;
                var result = await registry.ApplyDocumentAsync(await File.ReadAllTextAsync(file, stopping), format, SlaActor.System);
                if (result.Applied) LogLoaded(logger, file, result.Created.Length);
                else LogInvalid(logger, file, string.Join("; ", result.Errors));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down before the samples were in: nothing to do.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogFailed(logger, e);
        }
    }

    private string? Resolve(string folder) =>
        new[] { folder, Path.Combine(environment.ContentRootPath, folder), Path.Combine(environment.ContentRootPath, "..", folder), Path.Combine(AppContext.BaseDirectory, folder) }
            .Select(Path.GetFullPath)
            .FirstOrDefault(Directory.Exists);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the sample SLA document {Path}: {Created} created")]
    private static partial void LogLoaded(ILogger logger, string path, int created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample SLA folder {Folder} not found; starting without SLAs")]
    private static partial void LogMissing(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sample SLA document {Path} is not valid: {Errors}")]
    private static partial void LogInvalid(ILogger logger, string path, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not load the sample SLAs")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
