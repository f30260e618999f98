using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ImpactMesh.Silo.Tests.Hosting;

/// <summary>Two real Silo processes forming one cluster through a real redis-server.</summary>
public sealed class RedisClusterTests(RedisServer redis) : IClassFixture<RedisServer>
{
    /// <summary>The graph's component ids; while the cluster changes the API answers 503 with Retry-After, so retry then.</summary>
    private static async Task<string[]> ComponentIdsAsync(HttpClient client, params SiloProcess[] silos)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync("/api/topology", TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 20)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
                continue;
            }

            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{string.Join("\n----\n", silos.Select(s => s.Output))}");
            var graph = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            return [.. graph.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
        }
    }

    [Fact]
    public async Task TwoSilos_GraphLoadedThroughOne_IsReadThroughOtherAndSurvivesStops()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "samples", "topology.yaml"), ct);
        await using var first = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, ct);
        await using var second = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, ct);
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        var put = await one.PutAsync("/api/topology", new StringContent(sample, Encoding.UTF8, "application/yaml"), ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var loaded = await ComponentIdsAsync(one);

        Assert.Equal(loaded, await ComponentIdsAsync(two, second));
        var dns = await two.GetFromJsonAsync<JsonElement>("/api/components/dns", ct);
        Assert.True(dns.GetProperty("dependents").GetArrayLength() >= 4);

        // Services keep metric history; a silo shutting down keeps their open hours with their state instead of trying to
        // place history grains it no longer can (each try failed through Orleans' placement retries, logged with a stack).
        var services = loaded.Where(id => id.StartsWith("svc-", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(services);
        var samples = string.Join(",", services.Select(id => $$"""{"component":"{{id}}","metric":"http.latency","value":120}"""));
        var posted = await one.PostAsync("/api/metrics", new StringContent($$"""{"samples":[{{samples}}]}""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var failed = await one.PostAsync("/api/components/dns/events", new StringContent("""{"status":"critical","message":"resolvers down"}""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.Accepted, failed.StatusCode);

        await first.StopAsync();
        Assert.Equal(loaded, await ComponentIdsAsync(two, second));

        // With every silo gone the graph is still in Redis: a new silo of the same cluster reads it back.
        await second.StopAsync();
        foreach (var stopped in new[] { first, second })
        {
            Assert.DoesNotContain("No active nodes are compatible with grain metrichistory", stopped.Output);
        }

        await using var third = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, ct);
        using var three = third.CreateClient();
        Assert.Equal(loaded, await ComponentIdsAsync(three, third));

        // So are what the services' detectors learned (written on deactivation) and the status timeline, not yet written
        // to its day grains at the stops (written with the component's state instead).
        var service = await three.GetFromJsonAsync<JsonElement>($"/api/components/{services[0]}", ct);
        var latency = service.GetProperty("health").GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "http.latency");
        Assert.Equal((120.0, 1L), (latency.GetProperty("lastValue").GetDouble(), latency.GetProperty("statistics").GetProperty("count").GetInt64()));
        var history = await three.GetFromJsonAsync<JsonElement>("/api/components/dns/history", ct);
        Assert.Contains(history.EnumerateArray(), c => c.GetProperty("status").GetString() == "critical" && c.GetProperty("reason").GetString()!.Contains("resolvers down", StringComparison.Ordinal));
    }
}
