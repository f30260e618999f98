using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ImpactMesh.Silo.Tests.Hosting;

/// <summary>SLAs, their versions and their reports kept in Redis across a restart of the whole cluster.</summary>
public sealed class RedisSlaTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const string Sla = """
        id: sla-redis
        customer: Redis Customer
        state: active
        services: [svc-webshop]
        timeZone: Europe/Berlin
        slos: [{ name: availability, kind: availability, target: 99.9, minimum: 99.5 }]
        """;

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 20)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
                continue;
            }

            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Restart_ActiveSlaWithTwoVersions_KeepsVersionsAndReportsTheSame()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = "sla-" + Guid.NewGuid().ToString("N")[..8];
        string reportBefore;
        await using (var first = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, ct))
        {
            using var client = first.CreateClient();
            var topology = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "samples", "topology.yaml"), ct);
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/topology", new StringContent(topology, Encoding.UTF8, "application/yaml"), ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await client.PutAsync("/api/slas/sla-redis", new StringContent(Sla, Encoding.UTF8, "application/yaml"), ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/slas/sla-redis", new StringContent(Sla.Replace("99.9,", "99.95,", StringComparison.Ordinal), Encoding.UTF8, "application/yaml"), ct)).StatusCode);
            reportBefore = (await GetAsync(client, "/api/slas/sla-redis/report?period=2026-11")).GetProperty("report").GetProperty("results").GetRawText();
            await first.StopAsync();
        }

        await using var second = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, ct);
        using var again = second.CreateClient();
        var details = await GetAsync(again, "/api/slas/sla-redis");
        var report = (await GetAsync(again, "/api/slas/sla-redis/report?period=2026-11")).GetProperty("report");

        Assert.Equal(2, details.GetProperty("versions").GetArrayLength());
        Assert.Equal(99.95, details.GetProperty("current").GetProperty("slos")[0].GetProperty("target").GetDouble());
        Assert.Equal(1, report.GetProperty("version").GetInt32());
        Assert.Equal(reportBefore, report.GetProperty("results").GetRawText());
        Assert.Contains("sla-redis", (await GetAsync(again, "/api/slas")).GetProperty("slas").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }
}
