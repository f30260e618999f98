using System.Globalization;

namespace ImpactMesh.LoadTests.Load;

/// <summary>Runs one open-loop phase at a rate, optionally with failure injection alongside, and meters this process.</summary>
internal static class LoadRunner
{
    public static async Task<PhaseResult> RunAsync(ILoadTarget target, OpenLoopSchedule schedule, TimeSpan duration, int maxInFlight, FailureInjector? injector, TimeSpan injectEvery, bool quiet = false)
    {
        if (!quiet)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Running {duration.TotalSeconds:0} s at {schedule.SamplesPerSecond:N0} samples/s ({schedule.BatchesPerSecond:N0} batches/s of {schedule.BatchSize}) via {target.Description}"));
        }

        using var stop = new CancellationTokenSource();
        var meter = ResourceMeter.Start();
        var injecting = injector?.RunAsync(injectEvery, int.MaxValue, stop.Token) ?? Task.CompletedTask;
        var driver = new OpenLoopDriver(schedule, target.SendAsync, maxInFlight);
        var result = await driver.RunAsync(duration, quiet ? null : Console.WriteLine, CancellationToken.None);
        await stop.CancelAsync();
        await injecting;
        var resources = meter.Stop();
        if (!quiet)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  achieved {result.AchievedSamplesPerSecond:N0} samples/s ({result.ShortfallShare:P1} below target), latency {result.Latency}, errors {result.Errors}"));
        }

        return new PhaseResult(result, resources, injector?.Figures());
    }

    /// <summary>A short run to activate grains and JIT the paths before measuring.</summary>
    public static Task WarmUpAsync(ILoadTarget target, OpenLoopSchedule schedule, TimeSpan duration, int maxInFlight)
    {
        if (duration <= TimeSpan.Zero) return Task.CompletedTask;
        Console.WriteLine($"Warming up for {duration.TotalSeconds:0} s");
        return RunAsync(target, schedule, duration, maxInFlight, null, TimeSpan.Zero, quiet: true);
    }
}
