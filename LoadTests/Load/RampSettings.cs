namespace ImpactMesh.LoadTests.Load;

/// <summary>How a ramp searches: first rate, growth per step, the p99 bound, the step length and the step budget.</summary>
internal sealed record RampSettings(double StartRate, double Growth, double P99BoundMs, TimeSpan Step, int MaxSteps)
{
    public static RampSettings Read(Commands.CommandLine options, double startRate) => new(
        options.Double("start", startRate),
        options.Double("growth", 1.6),
        options.Double("p99-ms", 100),
        TimeSpan.FromSeconds(options.Double("step", 4)),
        options.Int("max-steps", 10));
}
