using System.Collections.Immutable;
using System.Text;
using ImpactMesh.Grains.Impact;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Topology;

namespace ImpactMesh.Grains.Tests.Components;

/// <summary>Failures spreading grain to grain along the relation graph, in a real (in-process) cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ComponentGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset At = new(2026, 11, 3, 8, 0, 0, TimeSpan.Zero);

    private ITopologyGrain Topology => fixture.Grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key);

    private IComponentGrain Component(string id) => fixture.Grains.GetGrain<IComponentGrain>(id);

    private async Task<TopologyUpdateResult> LoadAsync(string yaml)
    {
        var result = await Topology.ReplaceAsync(yaml, DocumentFormat.Yaml);
        Assert.True(result.Applied, string.Join("; ", result.Errors));
        return result;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }

    private async Task<HealthStatus> StatusAsync(string id) => (await Component(id).GetHealthAsync())!.Status;

    private Task FailAsync(string id, HealthStatus status, DateTimeOffset at, string source = "test") =>
        Component(id).RecordEventAsync(new ExternalStatus(source, status, $"{id} is {status}", at, null));

    [Fact]
    public async Task RecordEvent_SharedDependencyFails_EveryDependentKnowsWhyThenRecovers()
    {
        await LoadAsync("""
            components:
              - { id: p1-shop, kind: service, dependsOn: [p1-app] }
              - { id: p1-mail, kind: service, dependsOn: [p1-dns] }
              - { id: p1-app, kind: application, dependsOn: [p1-db, p1-dns] }
              - { id: p1-db, kind: database }
              - { id: p1-dns, kind: network }
            """);

        await FailAsync("p1-dns", HealthStatus.Critical, At);

        await WaitForAsync(async () => await StatusAsync("p1-shop") == HealthStatus.Critical && await StatusAsync("p1-mail") == HealthStatus.Critical, "services critical");
        var shop = (await Component("p1-shop").GetHealthAsync())!;
        var cause = Assert.Single(shop.RootCauses);
        Assert.Equal(("p1-dns", HealthStatus.Critical), (cause.Id, cause.Status));
        Assert.Equal(["p1-dns", "p1-app", "p1-shop"], cause.Path);
        Assert.Equal(At, shop.Since);
        Assert.Equal(HealthStatus.Ok, shop.OwnStatus);
        Assert.Equal(HealthStatus.Ok, await StatusAsync("p1-db"));

        await FailAsync("p1-dns", HealthStatus.Ok, At.AddMinutes(7));

        await WaitForAsync(async () => await StatusAsync("p1-shop") == HealthStatus.Ok && await StatusAsync("p1-mail") == HealthStatus.Ok, "services ok again");
        var timeline = await Component("p1-shop").GetTimelineAsync(At.AddHours(-1), At.AddHours(1));
        Assert.Equal([HealthStatus.Critical, HealthStatus.Ok], timeline.Select(c => c.Status));
        Assert.Equal([At, At.AddMinutes(7)], timeline.Select(c => c.At));
    }

    [Fact]
    public async Task Maintenance_OnFailedDependency_PassesOkUpward()
    {
        await LoadAsync("components:\n  - { id: p2-svc, kind: service, dependsOn: [p2-host] }\n  - { id: p2-host, kind: host }");
        await FailAsync("p2-host", HealthStatus.Major, At);
        await WaitForAsync(async () => await StatusAsync("p2-svc") == HealthStatus.Major, "service major");

        await Component("p2-host").SetMaintenanceAsync(new Maintenance("patching", At.AddMinutes(1), null, "ops"));

        await WaitForAsync(async () => await StatusAsync("p2-svc") == HealthStatus.Ok, "service ok while host in maintenance");
        var host = (await Component("p2-host").GetHealthAsync())!;
        Assert.Equal(HealthStatus.Major, host.Status);
        Assert.Equal("patching", host.Maintenance!.Reason);

        await Component("p2-host").SetMaintenanceAsync(null);
        await WaitForAsync(async () => await StatusAsync("p2-svc") == HealthStatus.Major, "service major after maintenance");
    }

    [Fact]
    public async Task RecordEvent_Expired_StopsCounting()
    {
        await LoadAsync("components:\n  - { id: p3-svc, kind: service, dependsOn: [p3-db] }\n  - { id: p3-db, kind: database }");
        var now = ClusterFixture.Time.GetUtcNow();

        await Component("p3-db").RecordEventAsync(new ExternalStatus("nagios", HealthStatus.Critical, "down", now, now.AddMinutes(5)));
        await WaitForAsync(async () => await StatusAsync("p3-svc") == HealthStatus.Critical, "service critical");
        ClusterFixture.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(HealthStatus.Ok, await StatusAsync("p3-db"));
        await WaitForAsync(async () => await StatusAsync("p3-svc") == HealthStatus.Ok, "service ok after expiry");
        var timeline = await Component("p3-db").GetTimelineAsync(now.AddHours(-1), now.AddHours(1));
        Assert.Equal(now.AddMinutes(5), timeline[^1].At);
    }

    [Fact]
    public async Task Cycle_FailureAndRecovery_Terminates()
    {
        await LoadAsync("components:\n  - { id: p4-a, kind: service, dependsOn: [p4-b] }\n  - { id: p4-b, kind: application, dependsOn: [p4-c] }\n  - { id: p4-c, kind: host, dependsOn: [p4-a] }");

        await FailAsync("p4-c", HealthStatus.Critical, At);
        await WaitForAsync(async () => await StatusAsync("p4-a") == HealthStatus.Critical, "a critical through the cycle");
        await FailAsync("p4-c", HealthStatus.Ok, At.AddMinutes(1));

        await WaitForAsync(async () => await StatusAsync("p4-a") == HealthStatus.Ok && await StatusAsync("p4-b") == HealthStatus.Ok, "everything ok again");
    }

    [Fact]
    public async Task ImpactIndex_FollowsTheStream_AndWhatIfUsesIt()
    {
        await LoadAsync("components:\n  - { id: p5-svc, kind: service, dependsOn: [p5-a, p5-b], rule: best }\n  - { id: p5-a, kind: host }\n  - { id: p5-b, kind: host }");
        var index = fixture.Grains.GetGrain<IImpactIndexGrain>(IImpactIndexGrain.Key);
        var analysis = fixture.Grains.GetGrain<IImpactAnalysisGrain>(0);

        await FailAsync("p5-a", HealthStatus.Critical, At);
        await WaitForAsync(async () => (await index.GetOverviewAsync()).Components.Any(c => c.Id == "p5-a"), "index knows p5-a");

        var whatIf = await analysis.WhatIfAsync(ImmutableDictionary<string, HealthStatus>.Empty.Add("p5-b", HealthStatus.Critical));
        var change = Assert.Single(whatIf.Changes.Where(c => c.Id.StartsWith("p5-svc", StringComparison.Ordinal)));
        Assert.Equal((HealthStatus.Ok, HealthStatus.Critical), (change.Before, change.After));
        Assert.Equal(HealthStatus.Ok, await StatusAsync("p5-svc"));
        var unknown = await analysis.WhatIfAsync(ImmutableDictionary<string, HealthStatus>.Empty.Add("nope", HealthStatus.Critical));
        Assert.Equal(["nope"], unknown.UnknownComponents);

        await FailAsync("p5-a", HealthStatus.Ok, At.AddMinutes(2));
        await WaitForAsync(async () => !(await index.GetOverviewAsync()).Components.Any(c => c.Id.StartsWith("p5-", StringComparison.Ordinal)), "index clear");
    }

    [Fact]
    public async Task RandomGraph_ConcurrentFailuresAndRecoveries_ConvergeToFullRecomputation()
    {
        var random = new Random(7);
        var loaded = await LoadAsync(RandomGraph(random, "p6", 150));
        Assert.NotEmpty(loaded.Warnings);
        var definitions = (await Topology.GetSnapshotAsync()).Components;
        var evaluator = new ImpactEvaluator(ImpactGraph.Compile(definitions));
        var own = definitions.ToDictionary(d => d.Id, _ => HealthStatus.Ok);
        HealthStatus[] statuses = [HealthStatus.Ok, HealthStatus.Warning, HealthStatus.Minor, HealthStatus.Major, HealthStatus.Critical];

        for (var round = 0; round < 4; round++)
        {
            // A burst of concurrent events, some undoing others before propagation has finished.
            var events = Enumerable.Range(0, 40).Select(i =>
            {
                var id = definitions[random.Next(definitions.Length)].Id;
                var status = statuses[random.Next(statuses.Length)];
                return (id, status);
            }).ToList();
            foreach (var group in events.GroupBy(e => e.id)) own[group.Key] = group.Last().status;
            foreach (var group in events.GroupBy(e => e.id))
            {
                // Events of one component in order; different components concurrently.
                _ = Task.Run(async () =>
                {
                    foreach (var (id, status) in group) await FailAsync(id, status, At.AddMinutes(round));
                }, TestContext.Current.CancellationToken);
            }

            var expected = evaluator.Evaluate(own);
            await WaitForAsync(async () =>
            {
                foreach (var d in definitions)
                {
                    if (await StatusAsync(d.Id) != expected.StatusOf(d.Id)) return false;
                }

                return true;
            }, $"round {round} to converge", seconds: 20);
        }
    }

    [Fact]
    public async Task RecordSamples_MetricBreaches_ComponentAndDependentsKnowWhy()
    {
        await LoadAsync("components:\n  - { id: p7-svc, kind: service, dependsOn: [p7-db] }\n  - { id: p7-db, kind: database, metrics: { latency_ms: { critical: 500, raiseAfter: 2 } } }");
        var db = Component("p7-db");
        Assert.Equal(HealthStatus.Unknown, await StatusAsync("p7-db"));
        var now = ClusterFixture.Time.GetUtcNow();

        var result = await db.RecordSamplesAsync([new MetricSample("latency_ms", 20, now.AddSeconds(-30)), new MetricSample("latency_ms", 900, now.AddSeconds(-20)), new MetricSample("latency_ms", 950, now.AddSeconds(-10))]);

        Assert.Equal(3, result.Accepted);
        await WaitForAsync(async () => await StatusAsync("p7-svc") == HealthStatus.Critical, "service critical from the database's latency");
        var health = (await db.GetHealthAsync())!;
        var metric = Assert.Single(health.Metrics);
        Assert.Equal(("latency_ms", HealthStatus.Critical, 950d), (metric.Metric, metric.Status, metric.LastValue!.Value));
        Assert.Contains("latency_ms", health.OwnReason);
        Assert.Equal(now.AddSeconds(-10), health.Since);
        var unknown = await Component("p7-nope").RecordSamplesAsync([new MetricSample("x", 1, now)]);
        Assert.True(unknown.UnknownComponent);
    }

    [Fact]
    public async Task RecordEvent_FailAndRecoverBeforePropagationFinishes_EndsOkEverywhere()
    {
        var chain = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"  - {{ id: p8-{i}, kind: {(i == 29 ? "service" : "host")}{(i > 0 ? $", dependsOn: [p8-{i - 1}]" : "")} }}"));
        await LoadAsync("components:\n" + chain);

        // The recovery is sent while the failure is still travelling up the 30-deep chain.
        var fail = FailAsync("p8-0", HealthStatus.Critical, At);
        var recover = FailAsync("p8-0", HealthStatus.Ok, At.AddSeconds(1));
        await Task.WhenAll(fail, recover);

        await WaitForAsync(async () => await StatusAsync("p8-29") == HealthStatus.Ok && await StatusAsync("p8-15") == HealthStatus.Ok, "the chain ends Ok");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Ok, await StatusAsync("p8-29"));
    }

    [Fact]
    public async Task RecordSamples_Service_KeepsHourlyMetricHistoryForSlas()
    {
        await LoadAsync("components:\n  - { id: p9-svc, kind: service, metrics: { latency_ms: {} } }\n  - { id: p9-host, kind: host, metrics: { cpu: {} } }");
        var now = ClusterFixture.Time.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);

        await Component("p9-svc").RecordSamplesAsync([new MetricSample("latency_ms", 100, hour.AddMinutes(-50)), new MetricSample("latency_ms", 300, hour.AddMinutes(-40))]);
        await Component("p9-svc").RecordSamplesAsync([new MetricSample("latency_ms", 200, hour.AddMinutes(1))]);
        await Component("p9-host").RecordSamplesAsync([new MetricSample("cpu", 50, hour.AddMinutes(1))]);

        var sealedHour = Assert.Single((await MetricHistory.ReadAsync(fixture.Grains, "p9-svc", hour.AddHours(-2), hour))["latency_ms"]);
        Assert.Equal((hour.AddHours(-1), 2L, 400d), (sealedHour.Start, sealedHour.Requests, sealedHour.ValueSum));
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        var current = Assert.Single((await MetricHistory.ReadAsync(fixture.Grains, "p9-svc", hour, hour.AddHours(1)))["latency_ms"]);
        Assert.Equal(1, current.Requests);
        Assert.Empty(await MetricHistory.ReadAsync(fixture.Grains, "p9-host", hour.AddHours(-2), hour.AddHours(2)));
    }

    [Fact]
    public async Task RecordSamples_ServiceDeactivatedWithinTheHour_HistoryKeepsBothActivationsSamples()
    {
        await LoadAsync("components:\n  - { id: p10-svc, kind: service, metrics: { latency_ms: {} } }");
        var now = ClusterFixture.Time.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);

        await Component("p10-svc").RecordSamplesAsync([new MetricSample("latency_ms", 100, hour.AddMinutes(1)), new MetricSample("latency_ms", 300, hour.AddMinutes(2))]);
        await management.ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        await Component("p10-svc").RecordSamplesAsync([new MetricSample("latency_ms", 200, hour.AddMinutes(3))]);
        await management.ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);

        var current = Assert.Single((await MetricHistory.ReadAsync(fixture.Grains, "p10-svc", hour, hour.AddHours(1)))["latency_ms"]);
        Assert.Equal((3L, 600d), (current.Requests, current.ValueSum));
    }

    [Fact]
    public async Task RecordEvent_FlappingForDays_TimelineKeepsEveryChange_ThroughHistoryWritesAndReactivation()
    {
        await LoadAsync("components:\n  - { id: p11-host, kind: host }");
        var start = ClusterFixture.Time.GetUtcNow().AddDays(-3);
        var expected = new List<(DateTimeOffset, HealthStatus)>();

        // 3,000 changes over three days: more than the component writes at once, so its history grains take them while
        // it flaps; then it is deactivated, and everything it had not written yet goes with it.
        for (var i = 0; i < 3000; i++)
        {
            var at = start.AddMinutes(1.44 * i);
            var status = i % 2 == 0 ? HealthStatus.Critical : HealthStatus.Ok;
            await FailAsync("p11-host", status, at);
            expected.Add((at, status));
        }

        var firstDay = DayOf(start);
        var written = fixture.Grains.GetGrain<IStatusHistoryGrain>(IMetricHistoryGrain.KeyOf("p11-host", firstDay));
        await WaitForAsync(async () => (await written.GetChangesAsync(firstDay, firstDay.AddDays(1))).Length > 0, "the first day written while flapping");
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);

        var timeline = await Component("p11-host").GetTimelineAsync(start.AddDays(-1), start.AddDays(4));
        Assert.Equal(expected, timeline.Select(c => (c.At, c.Status)));
        var day = await fixture.Grains.GetGrain<IStatusHistoryGrain>(IMetricHistoryGrain.KeyOf("p11-host", firstDay.AddDays(1))).GetChangesAsync(firstDay.AddDays(1), firstDay.AddDays(2));
        Assert.Equal(expected.Where(e => DayOf(e.Item1) == firstDay.AddDays(1)), day.Select(c => (c.At, c.Status)));

        // A range in the middle starts with the change in force, written on an earlier day.
        var from = firstDay.AddDays(2).AddMinutes(0.5);
        var middle = await Component("p11-host").GetTimelineAsync(from, from.AddHours(1));
        Assert.Equal(expected.Last(e => e.Item1 < from), (middle[0].At, middle[0].Status));
        Assert.Equal(expected.Where(e => e.Item1 >= from && e.Item1 < from.AddHours(1)), middle.Skip(1).Select(c => (c.At, c.Status)));

        var health = await Component("p11-host").GetHealthAsync();
        Assert.Equal(expected.TakeLast(50), health!.History.Select(c => (c.At, c.Status)));
        Assert.Equal(expected[^1].Item1, health.Since);
    }

    private static DateTimeOffset DayOf(DateTimeOffset time) => new(time.UtcDateTime.Date, TimeSpan.Zero);

    private static string RandomGraph(Random random, string prefix, int count)
    {
        var text = new StringBuilder("components:\n");
        string[] rules = ["worst", "best", "{ atLeast: 2 }", "{ main: worst, additional: [{ set: critical, when: at-least, percent: 50, status: major }] }"];
        for (var i = 0; i < count; i++)
        {
            var deps = Enumerable.Range(0, i == 0 ? 0 : random.Next(0, 4)).Select(_ => random.Next(0, i)).Distinct()
                .Select(d => random.Next(5) == 0 ? $"{{ id: {prefix}-{d}, impact: soft }}" : random.Next(7) == 0 ? $"{{ id: {prefix}-{d}, shift: -1 }}" : $"{prefix}-{d}");
            var rule = rules[random.Next(rules.Length)];

            // The first component closes a cycle through all the others, so propagation must terminate there too.
            if (i == 0) deps = [$"{prefix}-cycle"];
            text.Append($"  - {{ id: {prefix}-{i}, kind: {(i > count * 0.8 ? "service" : "host")}, rule: {rule}, dependsOn: [{string.Join(", ", deps)}] }}\n");
        }

        text.Append($"  - {{ id: {prefix}-cycle, kind: host, dependsOn: [{prefix}-{count - 1}] }}\n");
        return text.ToString();
    }
}
