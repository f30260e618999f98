using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.ServiceLevels;
using Orleans.Streams;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

/// <summary>SLAs in a real (in-process) cluster: lifecycle, versions, reports from injected failures, alerts, items, reviews.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SlaGrainTests(ClusterFixture fixture)
{
    private const string Writer = "test";

    private Task AppendHistoryAsync(string component, string metric, MetricBucket bucket) =>
        fixture.Grains.GetGrain<IMetricHistoryGrain>(IMetricHistoryGrain.KeyOf(component, bucket.Start)).AppendAsync([new MetricHour(metric, bucket)], Writer);

    private const string Estate = """
        components:
          - { id: e2e-web, kind: service, tags: { suite: e2e, owner: web-team }, dependsOn: [e2e-db], metrics: { error_rate: { unit: "%" } } }
          - { id: e2e-db, kind: database }
          - { id: v-web, kind: service, tags: { suite: v }, dependsOn: [v-db] }
          - { id: v-db, kind: database }
          - { id: items-web, kind: service, tags: { suite: items, owner: web-team }, dependsOn: [items-db] }
          - { id: items-db, kind: database }
          - { id: alert-web, kind: service }
          - { id: life-web, kind: service }
          - { id: re-web, kind: service, tags: { suite: re }, dependsOn: [re-db] }
          - { id: re-db, kind: database }
          - { id: base-web, kind: service }
          - { id: stream-web, kind: service }
        """;

    private const string E2eSla = """
        slas:
          - id: sla-SUITE
            name: E2E web shop
            customer: Test Customer
            state: STATE
            services: { tags: { suite: SUITE } }
            timeZone: Etc/UTC
            period: month
            maintenance:
              - { description: Agreed upgrade, start: 2026-11-25T01:00, end: 2026-11-25T04:00 }
            slos:
              - { name: availability, kind: availability, target: 99.9, minimum: 99.5, downtime: { critical: 1, major: 0.5 } }
              - { name: error-rate, kind: errorRate, metric: error_rate, target: 0.5, minimum: 2 }
              - { name: latency, kind: responseTime, metric: latency_ms, percentile: 95, target: 300, minimum: 800 }
            credits:
              slo: availability
              tiers: [ { worseThan: 99.9, percent: 5 }, { worseThan: 99.5, percent: 10 }, { worseThan: 99, percent: 25 } ]
              capPercent: 30
              earnBack: { periods: 2, level: 99.95 }
            fee: { monthly: 10000, currency: EUR }
        """;

    private static string SlaDocument(string suite, string state) =>
        E2eSla.Replace("SUITE", suite, StringComparison.Ordinal).Replace("STATE", state, StringComparison.Ordinal);

    private static readonly SlaActor Operator = new("olga", false);
    private static readonly SlaActor Admin = new("ada", true);

    private ISlaRegistryGrain Registry => fixture.Grains.GetGrain<ISlaRegistryGrain>(ISlaRegistryGrain.Key);

    private ISlaGrain Sla(string id) => fixture.Grains.GetGrain<ISlaGrain>(id);

    private IComponentGrain Component(string id) => fixture.Grains.GetGrain<IComponentGrain>(id);

    private static DateTimeOffset Nov(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    private async Task LoadEstateAsync()
    {
        var result = await fixture.Grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key).ReplaceAsync(Estate, DocumentFormat.Yaml);
        Assert.True(result.Applied, string.Join("; ", result.Errors));
    }

    private async Task RecordAsync(string component, string source, HealthStatus status, DateTimeOffset at, string watch, HealthStatus expected)
    {
        Assert.True(await Component(component).RecordEventAsync(new ExternalStatus(source, status, $"{component} {status}", at, null)));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await Component(watch).GetHealthAsync())!.Status != expected)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {watch} to be {expected}");
            await Task.Delay(20);
        }
    }

    private async Task ApplyAsync(string document, SlaActor actor)
    {
        var result = await Registry.ApplyDocumentAsync(document, DocumentFormat.Yaml, actor);
        Assert.True(result.Applied, string.Join("; ", result.Errors));
    }

    [Fact]
    public async Task Report_SimulatedNovemberOfFailures_MatchesHandComputedFiguresCreditsAndItems()
    {
        // Arrange: a month of data-time failures on the SLA's one service (chosen by tag), and error-rate samples.
        await LoadEstateAsync();
        await ApplyAsync(SlaDocument("e2e", "draft"), Operator);
        foreach (var to in new[] { SlaState.Negotiation, SlaState.Agreed, SlaState.Active })
        {
            Assert.True((await Sla("sla-e2e").TransitionAsync(to, Operator, null, false)).Applied);
        }

        // The service's declared metric has data now, so the service is known to be Ok between the failures below.
        await Component("e2e-web").RecordSamplesAsync([new MetricSample("error_rate", 0.1, ClusterFixture.Time.GetUtcNow())]);

        // 30 min critical through the database (root cause e2e-db): counts 30 min.
        await RecordAsync("e2e-db", "monitor", HealthStatus.Critical, Nov(10, 8), "e2e-web", HealthStatus.Critical);
        await RecordAsync("e2e-db", "monitor", HealthStatus.Ok, Nov(10, 8, 30), "e2e-web", HealthStatus.Ok);
        // 90 min major on the web itself (weight 0.5): counts 45 min.
        await RecordAsync("e2e-web", "apm", HealthStatus.Major, Nov(20, 14), "e2e-web", HealthStatus.Major);
        await RecordAsync("e2e-web", "apm", HealthStatus.Ok, Nov(20, 15, 30), "e2e-web", HealthStatus.Ok);
        // 60 min critical inside the agreed maintenance window: excluded.
        await RecordAsync("e2e-web", "apm", HealthStatus.Critical, Nov(25, 2), "e2e-web", HealthStatus.Critical);
        await RecordAsync("e2e-web", "apm", HealthStatus.Ok, Nov(25, 3), "e2e-web", HealthStatus.Ok);
        // Error-rate samples in %: 0.1 and 0.3, then 0.2 and 0.2: mean 0.2 %.
        await AppendHistoryAsync("e2e-web", "error_rate", new MetricBucket(Nov(3, 10), 2, 0, [], 0.4));
        await AppendHistoryAsync("e2e-web", "error_rate", new MetricBucket(Nov(4, 10), 2, 0, [], 0.4));
        // Latency: 90 requests at 50 ms and 10 at 700 ms (bucket 500-750 ms): p95 = 500 + 250 * 5/10 = 625 ms.
        await AppendHistoryAsync("e2e-web", "latency_ms", LatencyHistogram.Bucket(Nov(5, 10), [.. Enumerable.Repeat(50.0, 90), .. Enumerable.Repeat(700.0, 10)], 0));

        // Act
        var result = await Sla("sla-e2e").GetReportAsync("2026-11");

        // Assert: November has 43 200 minutes; 75 counted: (43 200 - 75) / 43 200 = 99.82639 %.
        Assert.Null(result.Error);
        var report = result.Report!;
        Assert.Equal((new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), (report.Period.Start, report.Period.End));
        Assert.Equal(1, report.Version);
        var availability = Assert.Single(report.Results, r => r.Slo == "availability");
        Assert.Equal(100.0 * (43200 - 75) / 43200, availability.Achieved!.Value, 9);
        Assert.Equal(SloOutcome.Missed, availability.Outcome);
        Assert.Equal(43200, availability.MeasuredMinutes, 9);
        Assert.Equal(75, availability.CountedDowntimeMinutes, 9);
        Assert.Equal(60, availability.ExcludedMinutes, 9);
        Assert.Equal((43.2, 75.0, -31.8), (Math.Round(availability.Budget.Total, 9), Math.Round(availability.Budget.Used, 9), Math.Round(availability.Budget.Remaining, 9)));
        Assert.Equal([(Nov(10, 8), 30.0, 0.0), (Nov(20, 14), 45.0, 0.0), (Nov(25, 2), 0.0, 60.0)],
            availability.Downtimes.Select(d => (d.Start, Math.Round(d.CountedMinutes, 9), Math.Round(d.ExcludedMinutes, 9))));
        Assert.Equal(["e2e-db"], availability.Downtimes[0].RootCauses);
        var errorRate = Assert.Single(report.Results, r => r.Slo == "error-rate");
        Assert.Equal((0.2, SloOutcome.Met, 4L), (Math.Round(errorRate.Achieved!.Value, 9), errorRate.Outcome, errorRate.Samples));
        var latency = Assert.Single(report.Results, r => r.Slo == "latency");
        Assert.Equal((625.0, SloOutcome.Missed, 100L), (Math.Round(latency.Achieved!.Value, 9), latency.Outcome, latency.Samples));

        // Credit: worse than 99.9 -> 5 % of 10 000 EUR; nothing after it yet to earn it back.
        Assert.Equal((5.0, 500.00m, "EUR", 99.9), (report.Credit!.Percent, report.Credit.Amount, report.Credit.Currency, report.Credit.WorseThan));
        var trace = Assert.Single(report.EarnBack);
        Assert.Equal(EarnBackState.Pending, trace.State);

        // Root causes ranked by downtime contributed: the web's own 45 min, then the database's 30.
        Assert.Equal([("e2e-web", 45.0, 60.0), ("e2e-db", 30.0, 40.0)],
            report.DowntimeByRootCause.Select(c => (c.RootCause, Math.Round(c.Minutes, 9), Math.Round(c.Percent, 9))));

        // The closed month's miss opened an improvement item, owned by the service's owner, due 30 days after the month.
        var items = await Sla("sla-e2e").GetImprovementsAsync();
        Assert.Equal(["2026-11-availability", "2026-11-latency"], items.Select(i => i.Id));
        var item = items[0];
        Assert.Equal(("2026-11-availability", SloOutcome.Missed, "web-team", new DateOnly(2026, 12, 30), ImprovementStatus.Open),
            (item.Id, item.Outcome, item.Owner, item.DueDate, item.Status));
        Assert.Equal(["e2e-web", "e2e-db"], item.RootCauses.Select(c => c.RootCause));
        Assert.Equal(["2026-11-availability", "2026-11-latency"], result.OpenItems.Select(i => i.Id));
    }

    [Fact]
    public async Task Report_ActiveSlaChangedByAdmin_PastPeriodKeepsItsVersionAndFigures()
    {
        await LoadEstateAsync();
        await ApplyAsync(SlaDocument("v", "active"), Admin);
        await RecordAsync("v-db", "monitor", HealthStatus.Critical, Nov(12, 8), "v-web", HealthStatus.Critical);
        await RecordAsync("v-db", "monitor", HealthStatus.Ok, Nov(12, 9), "v-web", HealthStatus.Ok);
        var before = (await Sla("sla-v").GetReportAsync("2026-11")).Report!;
        var changed = (await Sla("sla-v").GetAsync())!.Current;
        var stricter = changed with { Slos = [.. changed.Slos.Select(s => s with { Target = s.Kind == SloKind.Availability ? 99.99 : s.Target })] };

        var refused = await Sla("sla-v").SaveAsync(stricter, Operator, null);
        var saved = await Sla("sla-v").SaveAsync(stricter, Admin, null);

        Assert.True(refused.Forbidden);
        Assert.True(saved.Applied);
        var details = (await Sla("sla-v").GetAsync())!;
        Assert.Equal(2, details.Version);
        Assert.Contains(details.Audit, a => a is { Action: "new version", Who: "ada", Version: 2 });
        Assert.Equal(["v-web"], details.Services);
        var after = (await Sla("sla-v").GetReportAsync("2026-11")).Report!;
        Assert.Equal(1, after.Version);
        Assert.Equal(before.Results.Select(r => (r.Slo, r.Achieved, r.Target)), after.Results.Select(r => (r.Slo, r.Achieved, r.Target)));
        Assert.Equal(99.9, after.Results[0].Target);
    }

    [Fact]
    public async Task Lifecycle_DraftToActive_AuditsEachStepAndOnlyActiveReports()
    {
        await LoadEstateAsync();
        await ApplyAsync("""
            slas:
              - { id: sla-life, customer: C, services: [life-web], timeZone: Europe/Berlin, slos: [{ name: availability, kind: availability, target: 99, minimum: 98 }] }
            """, Operator);
        var sla = Sla("sla-life");

        var draftReport = await sla.GetReportAsync(null);
        var skip = await sla.TransitionAsync(SlaState.Active, Operator, null, false);
        foreach (var to in new[] { SlaState.Negotiation, SlaState.Agreed, SlaState.Active })
        {
            Assert.True((await sla.TransitionAsync(to, Operator, "agreed in call", false)).Applied);
        }

        var retireByOperator = await sla.TransitionAsync(SlaState.Retired, Operator, null, false);

        Assert.StartsWith("only Active SLAs produce compliance results", draftReport.Error);
        Assert.Equal("cannot move from Draft to Active", Assert.Single(skip.Errors).Message);
        Assert.True(retireByOperator.Forbidden);
        var details = (await sla.GetAsync())!;
        Assert.Equal(SlaState.Active, details.Current.State);
        Assert.Equal(["created", "state", "state", "state"], details.Audit.Select(a => a.Action));
        Assert.All(details.Audit, a => Assert.Equal("olga", a.Who));
        Assert.Contains("state: Agreed -> Active", details.Audit[^1].Changes);
        Assert.Null((await sla.GetReportAsync(null)).Error);
        Assert.Contains("sla-life", await Registry.GetSlaIdsAsync());
    }

    [Fact]
    public async Task ApplyDocument_OneSlaRefused_NothingApplied()
    {
        await LoadEstateAsync();
        await ApplyAsync("""
            slas:
              - { id: sla-locked, customer: C, state: active, services: [life-web], timeZone: Europe/Berlin, slos: [{ name: availability, kind: availability, target: 99, minimum: 98 }] }
            """, Admin);

        var result = await Registry.ApplyDocumentAsync("""
            slas:
              - { id: sla-new-one, customer: C, services: [life-web], timeZone: Europe/Berlin, slos: [{ name: availability, kind: availability, target: 99, minimum: 98 }] }
              - { id: sla-locked, customer: C2, services: [life-web], timeZone: Europe/Berlin, slos: [{ name: availability, kind: availability, target: 99, minimum: 98 }] }
            """, DocumentFormat.Yaml, Operator);

        Assert.False(result.Applied);
        Assert.True(result.Forbidden);
        Assert.Equal("slas[1]", Assert.Single(result.Errors).Path);
        Assert.DoesNotContain("sla-new-one", await Registry.GetSlaIdsAsync());
        Assert.Equal("C", (await Sla("sla-locked").GetAsync())!.Current.Customer);
    }

    [Fact]
    public async Task GetAlerts_TenMinutesDown_FiresEveryDefaultWindow()
    {
        await LoadEstateAsync();
        await ApplyAsync("""
            slas:
              - { id: sla-alerts, customer: C, state: active, services: [alert-web], timeZone: Etc/UTC, slos: [{ name: availability, kind: availability, target: 99.9, minimum: 99 }] }
            """, Admin);
        var now = ClusterFixture.Time.GetUtcNow();
        await RecordAsync("alert-web", "probe", HealthStatus.Critical, now.AddMinutes(-10), "alert-web", HealthStatus.Critical);

        var alerts = await Sla("sla-alerts").GetAlertsAsync();

        // 10 min down: 1h/5m burns 167x and 1000x, 6h/30m 27.8x and 333x, 1d/2h 6.9x and 83x, 3d/6h 2.3x and 27.8x.
        Assert.Equal([(14.4, "page"), (6.0, "page"), (3.0, "ticket"), (1.0, "ticket")], alerts.Select(a => (a.Window.Factor, a.Severity)));
        Assert.Equal(1000, alerts[0].ShortRate, 6);
        var summary = (await Sla("sla-alerts").GetSummaryAsync())!;
        Assert.Equal(4, summary.Alerts.Length);
        var standing = Assert.Single(summary.Standing);
        Assert.Equal(10, standing.Budget.Used, 9);
    }

    [Fact]
    public async Task Improvements_ClosedAndReviewed_NextReportShowsNoOpenItem()
    {
        await LoadEstateAsync();
        await ApplyAsync(SlaDocument("items", "active"), Admin);
        await RecordAsync("items-db", "monitor", HealthStatus.Critical, Nov(14, 8), "items-web", HealthStatus.Critical);
        await RecordAsync("items-db", "monitor", HealthStatus.Ok, Nov(14, 10), "items-web", HealthStatus.Ok);
        var sla = Sla("sla-items");
        Assert.Null((await sla.GetReportAsync("2026-11")).Error);
        var december = await sla.GetReportAsync("2026-12");
        Assert.Equal(["2026-11-availability"], december.OpenItems.Select(i => i.Id));

        var badReview = await sla.AddReviewAsync(new ServiceReviewRequest(new DateOnly(2026, 12, 3), "2026-13", [], [], [new ReviewAction("x", null, null, "nope")]), Operator);
        var review = await sla.AddReviewAsync(new ServiceReviewRequest(new DateOnly(2026, 12, 3), "2026-11", ["Customer", "Service manager"],
            ["Add a database replica"], [new ReviewAction("Order the replica", "dba-team", new DateOnly(2026, 12, 20), "2026-11-availability")]), Operator);
        var closed = await sla.UpdateImprovementAsync("2026-11-availability", new ImprovementUpdate("dba-team", null, ImprovementStatus.Closed, "replica in place"), Operator);

        Assert.Equal(["period", "attendees", "actions[0].improvementItem"], badReview.Errors.Select(e => e.Path));
        Assert.Equal(("review-1", "2026-11", 1), (review.Review!.Id, review.Review.Period, review.Review.ReportVersion));
        Assert.Equal((ImprovementStatus.Closed, "dba-team"), (closed.Item!.Status, closed.Item.Owner));
        Assert.NotNull(closed.Item.ClosedAt);
        Assert.Equal(2, closed.Item.Notes.Length);
        Assert.Empty((await sla.GetReportAsync("2026-12")).OpenItems);
        Assert.True((await sla.UpdateImprovementAsync("no-such-item", new ImprovementUpdate(null, null, null, "x"), Operator)).NotFound);
    }

    [Fact]
    public async Task Report_AfterEveryGrainDeactivated_GivesTheSameAnswer()
    {
        await LoadEstateAsync();
        await ApplyAsync(SlaDocument("re", "active"), Admin);
        await RecordAsync("re-db", "monitor", HealthStatus.Critical, Nov(16, 8), "re-web", HealthStatus.Critical);
        await RecordAsync("re-db", "monitor", HealthStatus.Ok, Nov(16, 8, 40), "re-web", HealthStatus.Ok);
        await AppendHistoryAsync("re-web", "error_rate", new MetricBucket(Nov(3, 10), 10, 1, []));
        var before = (await Sla("sla-re").GetReportAsync("2026-11")).Report!;

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        var after = (await Sla("sla-re").GetReportAsync("2026-11")).Report!;

        Assert.Equal(100.0 * (43200 - 40) / 43200, after.Results[0].Achieved!.Value, 9);
        Assert.Equal(10, after.Results[1].Achieved!.Value, 9);
        Assert.Equal(before.Results.Select(r => (r.Slo, r.Achieved, r.Outcome)), after.Results.Select(r => (r.Slo, r.Achieved, r.Outcome)));
        Assert.Equal(before.Credit, after.Credit);
        Assert.Single((await Sla("sla-re").GetAsync())!.Versions);
    }

    [Fact]
    public async Task Transition_BaselineAdopted_ActivatesWithTargetsProposedFromWhatWasMeasured()
    {
        await LoadEstateAsync();
        await ApplyAsync("""
            slas:
              - { id: sla-base, customer: C, state: agreed, baselineDays: 30, services: [base-web], timeZone: Etc/UTC, slos: [{ name: availability, kind: availability, target: 99.9, minimum: 99.5 }] }
            """, Operator);
        var sla = Sla("sla-base");
        var start = ClusterFixture.Time.GetUtcNow();
        Assert.True((await sla.TransitionAsync(SlaState.Baselining, Operator, null, false)).Applied);
        ClusterFixture.Time.Advance(TimeSpan.FromHours(10));
        await RecordAsync("base-web", "probe", HealthStatus.Critical, start.AddHours(1), "base-web", HealthStatus.Critical);
        await RecordAsync("base-web", "probe", HealthStatus.Ok, start.AddHours(1).AddMinutes(6), "base-web", HealthStatus.Ok);

        var baseline = (await sla.GetBaselineAsync())!;
        var moved = await sla.TransitionAsync(SlaState.Active, Operator, "targets from the baseline", adoptProposedTargets: true);

        // 6 of 600 minutes down: 99 %; minus the 0.05 point margin: the next common figure below is 98 (minimum 97).
        Assert.Equal((start, start.AddDays(30), false), (baseline.Window.Start, baseline.Window.End, baseline.Complete));
        Assert.Equal(99, baseline.Measured[0].Achieved!.Value, 6);
        Assert.Equal((98.0, 97.0), (baseline.Proposed[0].Target, baseline.Proposed[0].Minimum));
        Assert.True(moved.Applied);
        var details = (await sla.GetAsync())!;
        Assert.Equal((SlaState.Active, 98.0), (details.Current.State, details.Current.Slos[0].Target));
        Assert.Contains(details.Audit, a => a.Action == "amended" && a.Changes.Any(c => c.StartsWith("slos", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stream_Activated_PublishesTheStandingOnTheSlaNamespace()
    {
        await LoadEstateAsync();
        await ApplyAsync("""
            slas:
              - { id: sla-stream, customer: C, state: agreed, services: [stream-web], timeZone: Etc/UTC, slos: [{ name: availability, kind: availability, target: 99.9, minimum: 99 }] }
            """, Operator);
        var received = new TaskCompletionSource<SlaSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider).GetStream<SlaSummary>(StreamNames.Sla("sla-stream"));
        var handle = await stream.SubscribeAsync((summary, _) =>
        {
            if (summary.State == SlaState.Active) received.TrySetResult(summary);
            return Task.CompletedTask;
        });

        await Sla("sla-stream").TransitionAsync(SlaState.Active, Operator, null, false);

        var published = await received.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(("sla-stream", "availability"), (published.Id, Assert.Single(published.Standing).Slo));
        await handle.UnsubscribeAsync();
    }
}
