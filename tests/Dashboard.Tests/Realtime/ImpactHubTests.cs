using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace ImpactMesh.Dashboard.Tests.Realtime;

public sealed class ImpactHubTests(RealtimeFactory factory) : IClassFixture<RealtimeFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A small estate whose ids start with <paramref name="p"/> (a distinct prefix per test: the graph is shared).</summary>
    private static string Estate(string p) => $$"""
        components:
          - { id: {{p}}-shop, kind: service, tags: { tier: gold }, dependsOn: [{{p}}-app, {{p}}-dns] }
          - { id: {{p}}-mail, kind: service, tags: { tier: silver }, dependsOn: [{{p}}-dns] }
          - { id: {{p}}-app, kind: application, dependsOn: [{{p}}-db] }
          - { id: {{p}}-db, kind: database }
          - { id: {{p}}-dns, kind: network }
        """;

    private async Task LoadAsync(string document)
    {
        using var admin = factory.CreateLiveClient(ImpactMeshFactory.AdminKey);
        var response = await admin.PutAsync("/api/topology", new StringContent(document, Encoding.UTF8, "application/yaml"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task PostStatusAsync(string id, string status)
    {
        using var client = factory.CreateLiveClient(ImpactMeshFactory.OperatorKey);
        var body = new StringContent($$"""{"status":"{{status}}","message":"test {{status}}"}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/components/{id}/events", body, Ct)).StatusCode);
    }

    private async Task PostSampleAsync(string id, double value)
    {
        using var client = factory.CreateLiveClient(ImpactMeshFactory.OperatorKey);
        var body = new StringContent($$"""{"samples":[{"component":"{{id}}","metric":"latency_ms","value":{{value}}}]}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/metrics", body, Ct)).StatusCode);
    }

    /// <summary>Every metric highlight the client received in deltas after <paramref name="skip"/> messages, for <paramref name="id"/>.</summary>
    private static List<JsonElement> HighlightsOf(ImpactFeedRecorder feed, string id, int skip = 0) =>
        [.. feed.Deltas.Skip(skip).SelectMany(d => d.GetProperty("metrics").EnumerateArray()).Where(m => m.GetProperty("id").GetString() == id)];

    private static double LastValue(JsonElement highlights) =>
        highlights.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "latency_ms").GetProperty("lastValue").GetDouble();

    private static IEnumerable<string> Ids(JsonElement array) => array.EnumerateArray().Select(e => e.GetProperty("id").GetString()!);

    [Fact]
    public async Task Connect_ViewerKey_SnapshotThenDeltasWithRootCausesAndAlerts()
    {
        await LoadAsync(Estate("a"));
        await using var feed = await ImpactFeedRecorder.ConnectAsync(factory.Address, ImpactMeshFactory.ViewerKey, Ct);

        var snapshot = feed.Snapshots[0];
        Assert.Equal(["a-app", "a-db", "a-dns", "a-mail", "a-shop"], Ids(snapshot.GetProperty("components")).Order());
        var shop = snapshot.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "a-shop");
        Assert.Equal(["a-app", "a-dns"], shop.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()));

        await PostStatusAsync("a-dns", "critical");

        await feed.WaitForAsync(f => f.StatusOf("a-shop") == "critical" && f.StatusOf("a-mail") == "critical", "both services critical", Ct);
        var detail = feed.DetailOf("a-shop")!.Value;
        var cause = detail.GetProperty("rootCauses")[0];
        Assert.Equal("a-dns", cause.GetProperty("id").GetString());
        Assert.Equal(["a-dns", "a-shop"], cause.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.NotNull(detail.GetProperty("since").GetString());
        var alerts = feed.Deltas.SelectMany(d => d.GetProperty("alerts").EnumerateArray()).ToList();
        Assert.Contains(alerts, a => a.GetProperty("component").GetString() == "a-dns" && a.GetProperty("new").GetString() == "critical");
        Assert.Contains(alerts, a => a.GetProperty("component").GetString() == "a-shop" && a.GetProperty("old").GetString() == "ok");

        await PostStatusAsync("a-dns", "ok");

        await feed.WaitForAsync(f => f.StatusOf("a-shop") == "ok" && f.StatusOf("a-mail") == "ok" && f.StatusOf("a-dns") == "ok", "recovery", Ct);
    }

    [Fact]
    public async Task Connect_WithoutOrWithInvalidKey_IsRefused()
    {
        foreach (var key in new[] { null, "not-a-key" })
        {
            await using var connection = ImpactFeedRecorder.Build(factory.Address, key);

            var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(Ct));

            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        }
    }

    [Fact]
    public async Task Storm_SharedDependencyOfManyServicesFails_ArrivesInFewCappedMessages()
    {
        const int services = 400;
        var document = new StringBuilder("components:\n  - { id: s-dns, kind: network }\n");
        for (var i = 0; i < services; i++) document.Append($"  - {{ id: s-svc-{i}, kind: service, dependsOn: [s-dns] }}\n");
        await LoadAsync(document.ToString());
        await using var feed = await ImpactFeedRecorder.ConnectAsync(factory.Address, ImpactMeshFactory.ViewerKey, Ct);
        var before = feed.Deltas.Count;

        await PostStatusAsync("s-dns", "critical");

        await feed.WaitForAsync(f => Enumerable.Range(0, services).All(i => f.StatusOf($"s-svc-{i}") == "critical"), "every service critical", Ct, seconds: 20);
        var messages = feed.Deltas.Skip(before).Where(d => d.GetProperty("statuses").GetArrayLength() > 0).ToList();
        var delivered = messages.Sum(d => d.GetProperty("statuses").GetArrayLength());
        Assert.True(delivered >= services + 1, $"{delivered} statuses delivered");
        Assert.All(messages, d => Assert.InRange(d.GetProperty("statuses").GetArrayLength(), 1, RealtimeFactory.MaxBatch));
        Assert.InRange(messages.Count, (services + 1 + RealtimeFactory.MaxBatch - 1) / RealtimeFactory.MaxBatch, 12);
    }

    [Fact]
    public async Task Subscribe_ServiceTree_OnlyItsDependenciesArrive()
    {
        await LoadAsync(Estate("b"));
        await using var feed = await ImpactFeedRecorder.ConnectAsync(factory.Address, ImpactMeshFactory.ViewerKey, Ct);

        var snapshot = await feed.InvokeSnapshotAsync("Subscribe", new { service = "b-mail" }, Ct);

        Assert.Equal(["b-dns", "b-mail"], Ids(snapshot.GetProperty("components")).Order());
        var before = feed.Deltas.Count;
        await PostStatusAsync("b-db", "critical");
        await PostStatusAsync("b-dns", "major");
        await feed.WaitForAsync(f => f.StatusOf("b-mail") == "major", "b-mail major", Ct);
        var seen = feed.Deltas.Skip(before).SelectMany(d => Ids(d.GetProperty("statuses"))).ToHashSet();
        Assert.Subset(new HashSet<string> { "b-dns", "b-mail" }, seen);
        Assert.Equal("ok", feed.StatusOf("b-shop"));
    }

    [Fact]
    public async Task Subscribe_KindAndTag_FiltersTheGraph()
    {
        await LoadAsync(Estate("c"));
        await using var feed = await ImpactFeedRecorder.ConnectAsync(factory.Address, ImpactMeshFactory.ViewerKey, Ct);

        var services = await feed.InvokeSnapshotAsync("Subscribe", new { kind = "service" }, Ct);
        var gold = await feed.InvokeSnapshotAsync("Subscribe", new { tag = "tier=gold" }, Ct);
        var everything = await feed.InvokeSnapshotAsync("Subscribe", new { }, Ct);

        Assert.Equal(["c-mail", "c-shop"], Ids(services.GetProperty("components")).Order());
        Assert.Equal(["c-shop"], Ids(gold.GetProperty("components")));
        Assert.Equal(5, everything.GetProperty("components").GetArrayLength());
    }

    [Fact]
    public async Task Subscribe_UnknownService_FailsAndKeepsTheConnection()
    {
        await LoadAsync(Estate("e"));
        await using var feed = await ImpactFeedRecorder.ConnectAsync(factory.Address, ImpactMeshFactory.ViewerKey, Ct);

        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => feed.InvokeSnapshotAsync("Subscribe", new { service = "e-nope" }, Ct));

        Assert.Contains("unknown component 'e-nope'", error.Message);
        var snapshot = await feed.InvokeSnapshotAsync("RequestSnapshot", null, Ct);
        Assert.Equal(5, snapshot.GetProperty("components").GetArrayLength());
    }

    [Fact]
    public async Task Reconnect_AfterChangesWhileAway_FreshSnapshotHoldsCurrentStatuses()
    {
        await LoadAsync(Estate("d"));
        await using (await ImpactFeedRecorder.ConnectAsync(factory.Address, ImpactMeshFactory.ViewerKey, Ct))
        {
        }

        await PostStatusAsync("d-db", "critical");
        using var viewer = factory.CreateLiveClient(ImpactMeshFactory.ViewerKey);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await viewer.GetStringAsync("/api/impact", Ct)).Contains("d-shop", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "d-shop never reached /api/impact");
            await Task.Delay(25, Ct);
        }

        await using var feed = await ImpactFeedRecorder.ConnectAsync(factory.Address, ImpactMeshFactory.ViewerKey, Ct);
        var requested = await feed.InvokeSnapshotAsync("RequestSnapshot", null, Ct);

        Assert.Equal("critical", feed.StatusOf("d-shop"));
        Assert.Equal("critical", feed.StatusOf("d-app"));
        Assert.Equal("ok", feed.StatusOf("d-mail"));
        Assert.Contains("d-shop", Ids(requested.GetProperty("statuses")));
    }

    private static string MetricEstate(string p) => $$"""
        components:
          - { id: {{p}}-shop, kind: service, dependsOn: [{{p}}-db], metrics: { latency_ms: { unit: ms } } }
          - { id: {{p}}-db, kind: database, metrics: { latency_ms: { unit: ms, critical: 1000, raiseAfter: 1 } } }
        """;

    [Fact]
    public async Task Watch_Components_CurrentHighlightsThenOnlyTheirChangesArrive()
    {
        await LoadAsync(MetricEstate("w"));
        await PostSampleAsync("w-db", 10);
        await PostSampleAsync("w-shop", 20);
        await using var feed = await ImpactFeedRecorder.ConnectAsync(factory.Address, ImpactMeshFactory.ViewerKey, Ct);

        var current = await feed.Connection.InvokeAsync<JsonElement>("Watch", new[] { "w-db" }, Ct);

        Assert.Equal(10, LastValue(Assert.Single(current.EnumerateArray())));
        await PostSampleAsync("w-db", 1500);
        await PostSampleAsync("w-shop", 30);
        await feed.WaitForAsync(f => HighlightsOf(f, "w-db").Any(h => LastValue(h) == 1500), "w-db's new sample as a metric highlight", Ct);
        var highlight = HighlightsOf(feed, "w-db").Last().GetProperty("metrics")[0];
        Assert.Equal("critical", highlight.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, highlight.GetProperty("anomalyScore").ValueKind);
        Assert.Contains("critical", highlight.GetProperty("reason").GetString());
        Assert.True(highlight.TryGetProperty("lastTimestamp", out _));
        await Task.Delay(RealtimeFactory.WatchInterval * 3, Ct);
        Assert.Empty(HighlightsOf(feed, "w-shop"));
    }

    [Fact]
    public async Task Unwatch_AfterWatching_NoMoreHighlights()
    {
        await LoadAsync(MetricEstate("u"));
        await PostSampleAsync("u-db", 10);
        await using var feed = await ImpactFeedRecorder.ConnectAsync(factory.Address, ImpactMeshFactory.ViewerKey, Ct);
        await feed.Connection.InvokeAsync<JsonElement>("Watch", new[] { "u-db", "u-shop" }, Ct);
        await PostSampleAsync("u-db", 11);
        await feed.WaitForAsync(f => HighlightsOf(f, "u-db").Any(h => LastValue(h) == 11), "u-db's sample while watched", Ct);

        await feed.Connection.InvokeAsync("Unwatch", Ct);
        var after = feed.Deltas.Count;
        await PostSampleAsync("u-db", 12);
        await Task.Delay(RealtimeFactory.WatchInterval * 4, Ct);

        Assert.Empty(HighlightsOf(feed, "u-db", after));
    }

    [Fact]
    public async Task Watch_TooManyOrInvalidIds_RefusedClearlyAndTheConnectionStays()
    {
        await LoadAsync(MetricEstate("v"));
        await using var feed = await ImpactFeedRecorder.ConnectAsync(factory.Address, ImpactMeshFactory.ViewerKey, Ct);
        var tooMany = Enumerable.Range(0, RealtimeFactory.MaxWatched + 1).Select(_ => "v-db").ToArray();

        var bound = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => feed.Connection.InvokeAsync<JsonElement>("Watch", tooMany, Ct));
        var unknown = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => feed.Connection.InvokeAsync<JsonElement>("Watch", new[] { "v-db", "v-nope" }, Ct));
        var empty = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => feed.Connection.InvokeAsync<JsonElement>("Watch", new[] { " " }, Ct));
        var missing = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => feed.Connection.InvokeAsync<JsonElement>("Watch", (string[]?)null, Ct));

        Assert.Contains($"componentIds: at most {RealtimeFactory.MaxWatched} components per connection, not {RealtimeFactory.MaxWatched + 1}", bound.Message);
        Assert.Contains("componentIds[1]: unknown component 'v-nope'", unknown.Message);
        Assert.Contains("componentIds[0]: must not be empty", empty.Message);
        Assert.Contains("componentIds: required", missing.Message);
        Assert.Single((await feed.Connection.InvokeAsync<JsonElement>("Watch", new[] { "v-db" }, Ct)).EnumerateArray());
    }

    [Fact]
    public async Task SlaTransition_ToActive_ArrivesAsAnSlaDeltaAndInTheNextSnapshot()
    {
        await LoadAsync(MetricEstate("sla"));
        using var client = factory.CreateLiveClient(ImpactMeshFactory.OperatorKey);
        var document = new StringContent("""
            slas:
              - { id: sla-live, name: Live shop, customer: C, state: agreed, services: [sla-shop], timeZone: Etc/UTC, slos: [{ name: availability, kind: availability, target: 99.9, minimum: 99 }] }
            """, Encoding.UTF8, "application/yaml");
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/slas", document, Ct)).StatusCode);
        await using var feed = await ImpactFeedRecorder.ConnectAsync(factory.Address, ImpactMeshFactory.ViewerKey, Ct);
        var before = feed.Deltas.Count;

        var moved = await client.PostAsync("/api/slas/sla-live/transitions", new StringContent("""{"to":"active"}""", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await feed.WaitForAsync(f => SlasOf(f, "sla-live", before).Any(s => s.GetProperty("state").GetString() == "active"), "sla-live active as a delta", Ct);
        Assert.Equal("availability", SlasOf(feed, "sla-live", before).Last().GetProperty("standing")[0].GetProperty("slo").GetString());
        var snapshot = await feed.InvokeSnapshotAsync("RequestSnapshot", null, Ct);
        var known = snapshot.GetProperty("slas").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "sla-live");
        Assert.Equal("active", known.GetProperty("state").GetString());
    }

    private static List<JsonElement> SlasOf(ImpactFeedRecorder feed, string id, int skip) =>
        [.. feed.Deltas.Skip(skip).SelectMany(d => d.GetProperty("slas").EnumerateArray()).Where(s => s.GetProperty("id").GetString() == id)];
}
