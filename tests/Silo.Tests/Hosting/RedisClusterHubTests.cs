using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace ImpactMesh.Silo.Tests.Hosting;

/// <summary>
/// The live feed in a cluster of two real Silo processes: each silo's bridge observes the one impact index and the one
/// SLA feed.
/// </summary>
public sealed class RedisClusterHubTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string Estate = """
        components:
          - { id: shop, kind: service, dependsOn: [app, dns] }
          - { id: app, kind: application }
          - { id: dns, kind: network }
        """;

    /// <summary>A hub client that keeps the latest status it was told per component, and the latest state per SLA.</summary>
    private static async Task<(HubConnection Connection, ConcurrentDictionary<string, string> Statuses, ConcurrentDictionary<string, string> Slas)> ConnectAsync(
        SiloProcess silo, CancellationToken ct)
    {
        var statuses = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var slas = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(silo.BaseAddress, "/hubs/impact"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(SiloProcess.AdminKey))
            .Build();
        void Apply(JsonElement message)
        {
            foreach (var s in message.GetProperty("statuses").EnumerateArray()) statuses[s.GetProperty("id").GetString()!] = s.GetProperty("status").GetString()!;
            foreach (var s in message.GetProperty("slas").EnumerateArray()) slas[s.GetProperty("id").GetString()!] = s.GetProperty("state").GetString()!;
        }

        connection.On<JsonElement>("Snapshot", Apply);
        connection.On<JsonElement>("Deltas", Apply);
        await connection.StartAsync(ct);
        return (connection, statuses, slas);
    }

    [Fact]
    public async Task TwoSilos_ClientOnEach_BothSeeAFailureAndAnSlaChangeMadeThroughOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = "hub-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, ct);
        await using var second = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, ct);
        using var one = first.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await one.PutAsync("/api/topology", new StringContent(Estate, Encoding.UTF8, "application/yaml"), ct)).StatusCode);
        var (onFirst, seenByFirst, slasOfFirst) = await ConnectAsync(first, ct);
        var (onSecond, seenBySecond, slasOfSecond) = await ConnectAsync(second, ct);
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

        var sla = new StringContent("""
            slas:
              - { id: sla-cluster, customer: C, state: agreed, services: [shop], timeZone: Etc/UTC, slos: [{ name: availability, kind: availability, target: 99.9, minimum: 99 }] }
            """, Encoding.UTF8, "application/yaml");
        Assert.Equal(HttpStatusCode.OK, (await one.PutAsync("/api/slas", sla, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await one.PostAsync("/api/slas/sla-cluster/transitions", new StringContent("""{"to":"active"}""", Encoding.UTF8, "application/json"), ct)).StatusCode);

        deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(slasOfFirst.GetValueOrDefault("sla-cluster") == "active" && slasOfSecond.GetValueOrDefault("sla-cluster") == "active"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"first saw {slasOfFirst.GetValueOrDefault("sla-cluster")}, second saw {slasOfSecond.GetValueOrDefault("sla-cluster")}\n{first.Output}\n----\n{second.Output}");
            await Task.Delay(50, ct);
        }
    }
}
