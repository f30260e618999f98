using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.Extensions.Options;

namespace ImpactMesh.Silo.Hosting;

/// <summary>
/// A simulated metric feed for the embedded demo: every <see cref="Interval"/> it sends each declared metric of the
/// sample estate a plausible value (a daily wave plus noise, well inside any static level), through the silo's sample
/// ingestion, as adapters do, so the map turns from Unknown to Ok and the detectors learn. The values are simulated, the feed
/// says so in the log, and it runs only with <c>ImpactMesh:DemoFeed=true</c> (the embedded default) — never with Redis.
/// Failures are left to the operator (the API's events, or real samples), so what the map shows is what was done.
/// </summary>
internal sealed partial class DemoFeed(IGrainFactory grains, ISampleIngestion ingestion, IOptions<SiloOptions> options, [FromKeyedServices(ServiceKeys.Time)] TimeProvider time, ILogger<DemoFeed> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DemoFeed || options.Value.Redis is not null) return;
        LogStarted(logger, Interval);
        var random = new Random(1);

        // Every second until the sample estate is there (it is loaded once the host has started), then every Interval.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var snapshot = await grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key).GetSnapshotAsync();
                var now = time.GetUtcNow();
                var wave = Math.Sin(now.TimeOfDay.TotalHours / 24 * 2 * Math.PI);
                var measured = snapshot.Components.Where(c => !c.Metrics.IsEmpty).ToList();
                await Task.WhenAll(measured.Select(c =>
                {
                    ImmutableArray<MetricSample> samples = [.. c.Metrics.Select(m => new MetricSample(m.Key, Plausible(m.Value, wave, random), now))];
                    return ingestion.RecordAsync(c.Id, samples);
                }));
                if (measured.Count > 0) timer.Period = Interval;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    /// <summary>
    /// A value in the metric's normal range: well below (or, for lower-is-worse, above) its static levels; error rates
    /// (unit %) a twentieth of their warning level.
    /// </summary>
    private static double Plausible(MetricSettings settings, double wave, Random random)
    {
        var level = settings.Warning ?? settings.Critical;
        var normal = settings.Direction == MetricDirection.LowerIsWorse
            ? (level ?? 50) * 2.5
            : level is { } l ? l * (settings.Unit == "%" ? 0.05 : 0.4) : 100;
        return Math.Round(Math.Max(0, normal * (1 + 0.15 * wave + 0.05 * (random.NextDouble() - 0.5))), 2);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feed: sending SIMULATED metric samples to the sample estate every {Interval} (ImpactMesh:DemoFeed=false turns it off)")]
    private static partial void LogStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo feed: a round of samples failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
