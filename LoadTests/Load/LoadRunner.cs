using System.Globalization;

namespace ImpactMesh.LoadTests.Load;

/// <summary>Runs one open-loop phase at a rate, optionally with failure injection alongside, and meters this process.</summary>
internal static class LoadRunner
{
    public static async Task<PhaseResult> RunAsync(ILoadTarget target, OpenLoopSchedule schedule, TimeSpan duration, int maxInFlight, FailureInjector? injector, TimeSpan injectEvery, bool quiet = false, int injections = int.MaxValue)
    {
        if (!quiet)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Running {duration.TotalSeconds:0} s at {schedule.SamplesPerSecond:N0} samples/s ({schedule.BatchesPerSecond:N0} batches/s of {schedule.BatchSize}) via {target.Description}"));
        }

        using var stop = new CancellationTokenSource();
        using var enough = new CancellationTokenSource();
        var meter = ResourceMeter.Start();
        var injecting = injector is null ? Task.CompletedTask : InjectAsync(injector, injectEvery, injections, stop.Token, enough);
        var driver = new OpenLoopDriver(schedule, target.SendAsync, maxInFlight);
        var result = await driver.RunAsync(duration, quiet ? null : Console.WriteLine, enough.Token);
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

    /// <summary>Injects until <paramref name="count"/> were measured, then ends the phase (when a count was asked for).</summary>
    private static async Task InjectAsync(FailureInjector injector, TimeSpan every, int count, CancellationToken cancellationToken, CancellationTokenSource enough)
    {
        await injector.RunAsync(every, count, cancellationToken);
        if (count != int.MaxValue) await enough.CancelAsync();
    }

    /// <summary>A short run to activate grains and JIT the paths before measuring.</summary>
    public static Task WarmUpAsync(ILoadTarget target, OpenLoopSchedule schedule, TimeSpan duration, int maxInFlight)
    {
        if (duration <= TimeSpan.Zero) return Task.CompletedTask;
        Console.WriteLine($"Warming up for {duration.TotalSeconds:0} s");
        return RunAsync(target, schedule, duration, maxInFlight, null, TimeSpan.Zero, quiet: true);
    }
}
