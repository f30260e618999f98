using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using ImpactMesh.LoadTests.Estate;
using ImpactMesh.LoadTests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// A generated estate loaded into a target: the embedded silo this process starts (grain calls and the impact feed
/// available), or a running cluster given its URL (HTTP only).
/// </summary>
internal sealed class LoadSession : IAsyncDisposable
{
    private LoadSession(EmbeddedSilo silo, EstateGenerator.Estate estate, double loadSeconds)
    {
        Silo = silo;
        Estate = estate;
        LoadSeconds = loadSeconds;
        Grains = silo.Services?.GetRequiredService<IGrainFactory>();
        Services = estate.Services.ToHashSet(StringComparer.Ordinal);
    }

    public EmbeddedSilo Silo { get; }

    public EstateGenerator.Estate Estate { get; }

    /// <summary>Seconds the PUT of the estate took.</summary>
    public double LoadSeconds { get; }

    /// <summary>The grain factory of the embedded silo; null against a running cluster.</summary>
    public IGrainFactory? Grains { get; }

    public IReadOnlySet<string> Services { get; }

    public static async Task<LoadSession> StartAsync(EstateOptions estateOptions, string? url, string? key)
    {
        var estate = EstateGenerator.Generate(estateOptions);
        Console.WriteLine($"Estate: {estate.Components:N0} components, {estate.Relations:N0} relations, depth {estate.Layers.Count}, {estate.Metrics.Count} metrics each");
        var silo = await EmbeddedSilo.StartAsync(url, key);
        Console.WriteLine(silo.InProcess ? $"Embedded silo at {silo.Address}" : $"Cluster at {silo.Address}");
        var seconds = await PutTopologyAsync(silo.CreateClient(), estate.Document);
        Console.WriteLine($"Topology loaded in {seconds:N1} s");
        return new LoadSession(silo, estate, seconds);
    }

    public static async Task<double> PutTopologyAsync(HttpClient client, string document)
    {
        using (client)
        {
            var clock = Stopwatch.StartNew();
            using var content = new StringContent(document, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PutAsync("/api/topology", content);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync();
                throw new InvalidOperationException($"PUT /api/topology failed: {(int)response.StatusCode} {body[..Math.Min(1000, body.Length)]}");
            }

            return clock.Elapsed.TotalSeconds;
        }
    }

    /// <summary>The samples of a run over every component of the estate.</summary>
    public SampleBatches Batches(int batchSize) => new(Estate.All, Estate.Metrics, batchSize);

    /// <summary>In-process grain calls unless <paramref name="http"/> (or no embedded silo); emptyWork gives the baseline.</summary>
    public ILoadTarget CreateTarget(LoadOptions options, bool emptyWork = false)
    {
        var batches = Batches(options.BatchSize);
        if (options.Http || Grains is null) return new HttpTarget([Silo.Address], Silo.Key, batches, options.ComponentsPerRequest);
        return new GrainTarget(Grains, batches, TimeProvider.System, emptyWork);
    }

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
