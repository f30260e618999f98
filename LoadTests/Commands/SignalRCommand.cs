using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HdrHistogram;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.LoadTests.Estate;
using ImpactMesh.LoadTests.Load;
using ImpactMesh.LoadTests.Realtime;
using ImpactMesh.LoadTests.Reports;

namespace ImpactMesh.LoadTests.Commands;

/// <summary>
/// <c>signalr</c>: on a generated estate (default 10,000 components) whose components fail on one sample, connects real
/// SignalR clients to <c>/hubs/impact</c> and measures (a) over many injections, the time from a failing sample being
/// sent (<c>POST /api/metrics</c>) to the delta showing the failed leaf, and the last service it affects, at every
/// client; (b) a failure storm (every component of <c>--storm-kinds</c> failing at once): messages per second, statuses
/// per message, largest message, and the time until every client has seen every affected component.
/// </summary>
internal sealed class SignalRCommand : ICommand
{
    private static readonly TimeProvider Time = TimeProvider.System;

    public string Name => "signalr";

    public string Summary => "Real SignalR clients: failing sample to delta latency (p50-max) and a failure storm's message rate and size";

    public async Task<int> RunAsync(string[] args)
    {
        var commandLine = new CommandLine(args);
        var options = SignalROptions.Read(commandLine);
        commandLine.EnsureAllUsed();
        var load = options.Load;

        await using var session = await LoadSession.StartAsync(load);
        using var http = session.Silo.CreateClient();
        var clients = new List<HubClient>();
        try
        {
            for (var i = 0; i < options.Clients; i++)
            {
                var watcher = new ImpactWatcher();
                clients.Add(new HubClient(watcher, await HubImpactFeed.StartAsync(session.Silo.Address, session.Silo.Key, watcher, Time)));
            }

            Console.WriteLine($"{clients.Count} SignalR client(s) connected to {session.Silo.Address}hubs/impact");
            var injections = await InjectAsync(options, session, http, clients);
            Console.WriteLine($"Injections: leaf {LatencySummary.From(injections.Leaf)}; last service {LatencySummary.From(injections.LastService)}");
            Console.WriteLine($"Storm: every {string.Join('/', options.StormKinds)} component fails at once");
            var storm = await StormAsync(options, session, http, clients);

            var report = new LoadReport(options.Name, "SignalR: failing sample to the delta at real hub clients; failure storm", "signalr " + string.Join(' ', args));
            report.Add("Setup", "silo", "embedded (this process, with the clients)")
                .Add("Setup", "components", session.Estate.Components)
                .Add("Setup", "relations", session.Estate.Relations)
                .Add("Setup", "hub clients", clients.Count)
                .Add("Setup", "topology load (s)", Math.Round(session.LoadSeconds, 1))
                .Add("Setup", "priming (s)", Math.Round(session.PrimeSeconds, 1));
            injections.AddTo(report);
            report.AddAll("Failure storm (first client)", storm.First);
            report.Add("Failure storm (every client)", "every client saw every affected component after (ms)", storm.EveryClientMs)
                .Add("Failure storm (every client)", "every client saw every one Ok again after (ms)", storm.RecoveredMs)
                .Add("Failure storm (every client)", "waits timed out", storm.TimedOut)
                .Add("Failure storm (every client)", "sample requests refused or timed out", storm.FailedRequests)
                .Add("Failure storm (every client)", "affected components the first client saw Ok again (within --timeout)", storm.SeenRecovered);
            report.Note($"Failing sample: 1 on the leaf's '{EstateGenerator.ProbeMetric}' (static critical level 1, raised and cleared by one sample; a 0 recovers it), posted with POST /api/metrics; the clock starts just before the request. 'Seen' is when the client's Deltas handler ran for the first message showing the component failed (or Ok again).");
            report.Note("Affected services and storm components: those the what-if for the failure says leave Ok. The hub's defaults apply: FlushInterval 150 ms, MaxBatch 1,000 statuses and MaxBatchBytes about 256 KB per message (statuses left waiting follow 10 ms later); the impact index batches every 100 ms before that.");
            report.Note("The silo, the load and the clients share this process and the machine's 2 cores: figures include their contention.");
            await report.WriteAsync(load.OutputFolder);
            return injections.TimedOut + storm.TimedOut == 0 ? 0 : 2;
        }
        finally
        {
            foreach (var client in clients) await client.Feed.DisposeAsync();
        }
    }

    private static async Task<InjectionFigures> InjectAsync(SignalROptions options, LoadSession session, HttpClient http, IReadOnlyList<HubClient> clients)
    {
        var figures = new InjectionFigures();
        var random = new Random(options.Load.Estate.Seed);
        var analysis = session.Grains!.GetGrain<IImpactAnalysisGrain>(0);
        var leaves = session.Estate.Leaves;
        for (var i = 0; i < options.Injections; i++)
        {
            var leaf = leaves[random.Next(leaves.Count)];
            var whatIf = await analysis.WhatIfAsync(ImmutableDictionary<string, HealthStatus>.Empty.Add(leaf, HealthStatus.Critical));
            List<string> services = [.. whatIf.Changes.Where(c => session.Services.Contains(c.Id) && c.After != HealthStatus.Ok).Select(c => c.Id)];
            List<string> expected = [leaf, .. services];

            var failing = clients.Select(c => c.Watcher.ExpectAsync(expected, toProblem: true)).ToList();
            var sent = Time.GetUtcNow();
            if (await PostProbeAsync(http, [leaf], failed: true) > 0) throw new InvalidOperationException($"POST /api/metrics for {leaf} failed");
            for (var c = 0; c < clients.Count; c++)
            {
                var seen = await WaitAsync(clients[c].Watcher, failing[c], options.Timeout);
                figures.Record(figures.Leaf, seen?[leaf].ArrivedAt, sent);
                if (services.Count > 0) figures.Record(figures.LastService, seen is null ? null : services.Max(s => seen[s].ArrivedAt), sent);
            }

            var recovering = clients.Select(c => c.Watcher.ExpectAsync(expected, toProblem: false)).ToList();
            var cleared = Time.GetUtcNow();
            if (await PostProbeAsync(http, [leaf], failed: false) > 0) throw new InvalidOperationException($"POST /api/metrics for {leaf} failed");
            for (var c = 0; c < clients.Count; c++)
            {
                var seen = await WaitAsync(clients[c].Watcher, recovering[c], options.Timeout);
                figures.Record(figures.Recovery, seen?.Values.Max(change => change.ArrivedAt), cleared);
            }

            figures.AffectedServices += services.Count;
            await Task.Delay(options.Pause);
        }

        figures.Injections = options.Injections;
        return figures;
    }

    private static async Task<StormResult> StormAsync(SignalROptions options, LoadSession session, HttpClient http, IReadOnlyList<HubClient> clients)
    {
        List<string> failing = [.. session.Estate.Leaves.Where(id => options.StormKinds.Any(k => id.StartsWith(k + "-", StringComparison.Ordinal)))];
        if (failing.Count == 0) throw new ArgumentException($"--storm-kinds: no leaf of kind {string.Join(", ", options.StormKinds)} in the estate (only leaves carry the probe metric)");
        var whatIf = await session.Grains!.GetGrain<IImpactAnalysisGrain>(0)
            .WhatIfAsync(failing.ToImmutableDictionary(id => id, _ => HealthStatus.Critical, StringComparer.Ordinal));
        List<string> affected = [.. whatIf.Changes.Where(c => c.After != HealthStatus.Ok).Select(c => c.Id).Union(failing, StringComparer.Ordinal)];

        var failingSeen = clients.Select(c => c.Watcher.ExpectAsync(affected, toProblem: true)).ToList();
        var start = Time.GetUtcNow();
        var failedRequests = await PostProbeAsync(http, failing, failed: true);
        var sent = Time.GetUtcNow();
        var seen = new List<IReadOnlyDictionary<string, ObservedChange>>();
        var allSeen = new List<bool>();
        for (var c = 0; c < clients.Count; c++)
        {
            var complete = await WaitAsync(clients[c].Watcher, failingSeen[c], options.Timeout);
            allSeen.Add(complete is not null);
            seen.Add(complete ?? clients[c].Watcher.StopExpecting());
        }

        var firstEnd = allSeen[0] ? seen[0].Values.Max(change => change.ArrivedAt) : Time.GetUtcNow();
        var first = StormFigures.From(failing.Count, affected.Count, start, sent, firstEnd, allSeen[0],
            [.. seen[0].Values.Select(change => change.ArrivedAt)], clients[0].Feed.Messages);

        var recoveringSeen = clients.Select(c => c.Watcher.ExpectAsync(affected, toProblem: false)).ToList();
        var cleared = Time.GetUtcNow();
        failedRequests += await PostProbeAsync(http, failing, failed: false);
        var recovered = new List<IReadOnlyDictionary<string, ObservedChange>?>();
        var seenRecovered = 0;
        for (var c = 0; c < clients.Count; c++)
        {
            var complete = await WaitAsync(clients[c].Watcher, recoveringSeen[c], options.Timeout);
            recovered.Add(complete);
            if (c == 0) seenRecovered = (complete ?? clients[c].Watcher.StopExpecting()).Count;
        }

        return new StormResult(first, Elapsed(start, allSeen.All(a => a) ? seen : null), Elapsed(cleared, recovered.All(r => r is not null) ? recovered.Select(r => r!) : null),
            allSeen.Count(a => !a) + recovered.Count(r => r is null), failedRequests, seenRecovered);
    }

    /// <summary>What <paramref name="watcher"/> saw once every expected change arrived, or null (and it stops waiting) after <paramref name="timeout"/>.</summary>
    private static async Task<IReadOnlyDictionary<string, ObservedChange>?> WaitAsync(ImpactWatcher watcher, Task<IReadOnlyDictionary<string, ObservedChange>> expected, TimeSpan timeout)
    {
        try
        {
            return await expected.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            watcher.StopExpecting();
            return null;
        }
    }

    /// <summary>Milliseconds from <paramref name="from"/> to the last change every client saw; NaN when a client did not see them all.</summary>
    private static double Elapsed(DateTimeOffset from, IEnumerable<IReadOnlyDictionary<string, ObservedChange>>? seen) =>
        seen is null ? double.NaN : Math.Round((seen.Max(s => s.Values.Max(change => change.ArrivedAt)) - from).TotalMilliseconds, 1);

    /// <summary>
    /// One sample per component, in requests of at most 500 samples, four at a time; the number of requests refused or
    /// timed out (a storm can make the cluster answer 503 while it catches up).
    /// </summary>
    private static async Task<int> PostProbeAsync(HttpClient http, IReadOnlyList<string> components, bool failed)
    {
        var refused = 0;
        var chunks = components.Chunk(500).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, _) =>
        {
            var body = new StringBuilder("{\"samples\":[");
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) body.Append(',');
                body.Append(CultureInfo.InvariantCulture, $"{{\"component\":\"{chunk[i]}\",\"metric\":\"{EstateGenerator.ProbeMetric}\",\"value\":{(failed ? 1 : 0)}}}");
            }

            using var content = new StringContent(body.Append("]}").ToString(), Encoding.UTF8, "application/json");
            try
            {
                using var response = await http.PostAsync("/api/metrics", content);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref refused);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref refused);
            }
        });
        return refused;
    }

    private sealed record HubClient(ImpactWatcher Watcher, HubImpactFeed Feed);

    private sealed record StormResult(StormFigures First, double EveryClientMs, double RecoveredMs, int TimedOut, int FailedRequests, int SeenRecovered);

    private sealed class InjectionFigures
    {
        public LongHistogram Leaf { get; } = LatencySummary.NewHistogram();

        public LongHistogram LastService { get; } = LatencySummary.NewHistogram();

        public LongHistogram Recovery { get; } = LatencySummary.NewHistogram();

        public int Injections { get; set; }

        public long AffectedServices { get; set; }

        public int TimedOut { get; private set; }

        public void Record(LongHistogram histogram, DateTimeOffset? seen, DateTimeOffset sent)
        {
            if (seen is null)
            {
                TimedOut++;
                return;
            }

            var micros = (long)(seen.Value - sent).TotalMicroseconds;
            histogram.RecordValue(Math.Clamp(micros, 1, histogram.HighestTrackableValue));
        }

        public void AddTo(LoadReport report)
        {
            report.Add("Injections", "failures injected (one leaf each)", Injections)
                .Add("Injections", "affected services per failure (mean)", Injections == 0 ? 0 : Math.Round((double)AffectedServices / Injections, 1))
                .Add("Injections", "waits timed out", TimedOut);
            PhaseReport.AddLatency(report, "Failing sample sent → the failed leaf's delta at the client", LatencySummary.From(Leaf));
            PhaseReport.AddLatency(report, "Failing sample sent → the last affected service's delta at the client", LatencySummary.From(LastService));
            PhaseReport.AddLatency(report, "Recovering sample sent → the leaf and its services Ok at the client", LatencySummary.From(Recovery));
        }
    }
}
