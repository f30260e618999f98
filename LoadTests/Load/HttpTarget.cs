using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ImpactMesh.Dashboard.Json;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.LoadTests.Estate;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Samples as <c>POST /api/metrics</c> JSON bodies of <see cref="SampleBatches.BatchSize"/> samples over
/// <c>componentsPerRequest</c> components (an agent's push), round robin over the given silos. The bodies are made
/// before the run and carry no timestamp (the server stamps them on arrival), so the client spends its CPU on sending.
/// </summary>
internal sealed class HttpTarget : ILoadTarget
{
    private const int MaxBodies = 200;
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient[] _clients;
    private readonly byte[][] _bodies;

    public HttpTarget(IReadOnlyList<Uri> silos, string key, SampleBatches batches, int componentsPerRequest)
    {
        _clients = [.. silos.Select(address =>
        {
            var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            return client;
        })];
        var perComponent = Math.Max(1, batches.BatchSize / componentsPerRequest);
        var count = (int)Math.Min(MaxBodies, Math.Max(1, batches.Components / componentsPerRequest));
        _bodies = new byte[count][];
        for (var b = 0; b < count; b++) _bodies[b] = Body(batches, (long)b * componentsPerRequest, componentsPerRequest, perComponent);
        SamplesPerRequest = perComponent * componentsPerRequest;
        ComponentsPerRequest = componentsPerRequest;
        BodyBytes = _bodies[0].Length;
    }

    public string Description => $"HTTP POST /api/metrics to {_clients.Length} silo(s)";

    public int SamplesPerRequest { get; }

    public int ComponentsPerRequest { get; }

    public int BodyBytes { get; }

    public async Task<int> SendAsync(long index)
    {
        using var document = await PostAsync(_clients[index % _clients.Length], "/api/metrics", _bodies[index % _bodies.Length]);
        return document.RootElement.GetProperty("accepted").GetInt32();
    }

    public async Task SendProbeAsync(string component, bool failed)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { samples = new[] { new { component, metric = EstateGenerator.ProbeMetric, value = failed ? 1 : 0 } } });
        using var document = await PostAsync(_clients[0], "/api/metrics", body);
        if (document.RootElement.GetProperty("accepted").GetInt32() != 1) throw new HttpRequestException($"POST /api/metrics: the probe sample for '{component}' was not accepted: {document.RootElement}");
    }

    public async Task<WhatIfResult> WhatIfCriticalAsync(string component)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { assume = new Dictionary<string, string> { [component] = "critical" } });
        using var document = await PostAsync(_clients[0], "/api/whatif", body);
        return document.Deserialize<WhatIfResult>(ApiJson.Options)!;
    }

    private static async Task<JsonDocument> PostAsync(HttpClient client, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"POST {path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(text.AsSpan(0, Math.Min(300, text.Length)))}");
        return JsonDocument.Parse(text);
    }

    private static byte[] Body(SampleBatches batches, long first, int components, int perComponent)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("samples");
            for (var c = 0; c < components; c++)
            {
                var component = batches.ComponentOf(first + c);
                var samples = batches.Samples(first + c, default);
                for (var i = 0; i < perComponent; i++)
                {
                    writer.WriteStartObject();
                    writer.WriteString("component", component);
                    writer.WriteString("metric", samples[i % samples.Length].Metric);
                    writer.WriteNumber("value", samples[i % samples.Length].Value);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
