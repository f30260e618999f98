using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace ImpactMesh.Silo.Tests.Hosting;

/// <summary>The live feed in a cluster of two real Silo processes: each silo's bridge observes the one impact index.</summary>
public sealed class RedisClusterHubTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string Estate = """
        components:
          - { id: shop, kind: service, dependsOn: [app, dns] }
          - { id: app, kind: application }
          - { id: dns, kind: network }
        """;

    /// <summary>A hub client that keeps the latest status it was told per component.</summary>
    private static async Task<(HubConnection Connection, ConcurrentDictionary<string, string> Statuses)> ConnectAsync(SiloProcess silo, CancellationToken ct)
    {
        var statuses = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(silo.BaseAddress, "/hubs/impact"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(SiloProcess.AdminKey))
            .Build();
        void Apply(JsonElement statusArray)
        {
            foreach (var s in statusArray.EnumerateArray()) statuses[s.GetProperty("id").GetString()!] = s.GetProperty("status").GetString()!;
        }

        connection.On<JsonElement>("Snapshot", s => Apply(s.GetProperty("statuses")));
        connection.On<JsonElement>("Deltas", d => Apply(d.GetProperty("statuses")));
        await connection.StartAsync(ct);
        return (connection, statuses);
    }

    [Fact]
    public async Task TwoSilos_ClientOnEach_BothSeeAFailureRecordedThroughOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = "hub-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, ct);
        await using var second = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, ct);
        using var one = first.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await one.PutAsync("/api/topology", new StringContent(Estate, Encoding.UTF8, "application/yaml"), ct)).StatusCode);
        var (onFirst, seenByFirst) = await ConnectAsync(first, ct);
        var (onSecond, seenBySecond) = await ConnectAsync(second, ct);
        await using var a = onFirst;
        await using var b = onSecond;

        var posted = await one.PostAsync("/api/components/dns/events", new StringContent("""{"status":"critical","message":"resolvers down"}""", Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(seenByFirst.GetValueOrDefault("shop") == "critical" && seenBySecond.GetValueOrDefault("shop") == "critical"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"first saw {seenByFirst.GetValueOrDefault("shop")}, second saw {seenBySecond.GetValueOrDefault("shop")}\n{first.Output}\n----\n{second.Output}");
            await Task.Delay(50, ct);
        }
    }
}
