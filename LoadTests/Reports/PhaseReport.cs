using ImpactMesh.LoadTests.Load;

namespace ImpactMesh.LoadTests.Reports;

/// <summary>Puts the figures of a <see cref="PhaseResult"/> into report sections, and charts its latency over time.</summary>
internal static class PhaseReport
{
    public static void Add(LoadReport report, PhaseResult phase, string prefix = "")
    {
        var i = phase.Ingestion;
        var section = prefix + "Ingestion";
        report.Add(section, "target samples/s", i.TargetSamplesPerSecond)
            .Add(section, "achieved samples/s", Math.Round(i.AchievedSamplesPerSecond))
            .Add(section, "below target (%)", Math.Round(100 * i.ShortfallShare, 1))
            .Add(section, "samples per batch", i.BatchSize)
            .Add(section, "duration (s)", i.Duration.TotalSeconds)
            .Add(section, "elapsed until last completion (s)", Math.Round(i.Elapsed.TotalSeconds, 2))
            .Add(section, "batches issued", i.BatchesIssued)
            .Add(section, "batches completed", i.BatchesCompleted)
            .Add(section, "samples accepted", i.SamplesAccepted)
            .Add(section, "samples not accepted (rejected or failed)", i.SamplesNotAccepted)
            .Add(section, "errors", i.Errors)
            .Add(section, "first error", i.FirstError ?? "none");
        AddLatency(report, prefix + "Sample-to-status latency (from intended send time)", i.Latency);
        if (phase.Failures is { } f)
        {
            var failures = prefix + "Failure injection";
            report.Add(failures, "injections measured", f.Injections)
                .Add(failures, "timed out (10 s)", f.TimedOut)
                .Add(failures, "leaves skipped (no service affected)", f.WithoutAffectedService)
                .Add(failures, "affected services per injection (mean)", Math.Round(f.AffectedServicesMean, 1));
            if (f.FailureToLastService.Count > 0) AddLatency(report, prefix + "Failure to last affected service updated", f.FailureToLastService);
            if (f.FailureToLeaf.Count > 0) AddLatency(report, prefix + "... of which failure to the failed leaf updated", f.FailureToLeaf);
            if (f.LeafToLastService.Count > 0) AddLatency(report, prefix + "... of which failed leaf to last affected service updated (propagation)", f.LeafToLastService);
            AddLatency(report, prefix + "Failure to last affected service seen by an observer (adds the feed's batching)", f.FailureToLastServiceArrived);
            if (f.RecoveryToLastService.Count > 0) AddLatency(report, prefix + "Recovery to last service Ok", f.RecoveryToLastService);
            AddLatency(report, prefix + "Recovery to last service Ok seen by an observer", f.RecoveryToLastServiceArrived);
            AddLatency(report, prefix + "What-if for one component (round trip)", f.WhatIfRoundTrip);
            AddLatency(report, prefix + "What-if for one component (server computation)", f.WhatIfServer);
            report.Note("Failure injection: a leaf gets one failing sample of its probe metric (critical at 1, raised by one sample) through the run's target; the clock starts just before the sample is sent. The affected services are those the what-if for the leaf said would leave Ok; the run waits for every one of them (10 s time-out), then sends a passing sample and waits for them to be Ok again. 'Updated' is the last affected service's PublishedAt (when its grain published the change; in process only); 'seen by an observer' is when the change reached this process: from the impact index (100 ms batching) in process, from the SignalR hub /hubs/impact (index batching plus the hub's 150 ms) against a running cluster.");
        }

        report.AddAll(prefix + "Resources of this process", phase.Resources);
        report.Attach(prefix + "intervals", i.Intervals);
    }

    public static void AddLatency(LoadReport report, string section, LatencySummary latency) =>
        report.Add(section, "count", latency.Count)
            .Add(section, "p50 (ms)", latency.P50Ms)
            .Add(section, "p90 (ms)", latency.P90Ms)
            .Add(section, "p99 (ms)", latency.P99Ms)
            .Add(section, "max (ms)", latency.MaxMs);

    public static string ChartOverTime(string path, string title, IReadOnlyList<IntervalFigures> intervals) =>
        LatencyChart.Write(path, title, "time (s)",
        [
            new ChartSeries("p50 per second", [.. intervals.Select(x => x.AtSeconds)], [.. intervals.Select(x => x.Latency.P50Ms)]),
            new ChartSeries("p99 per second", [.. intervals.Select(x => x.AtSeconds)], [.. intervals.Select(x => x.Latency.P99Ms)]),
        ], null);
}
