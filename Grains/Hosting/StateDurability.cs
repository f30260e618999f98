using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ImpactMesh.Grains.Hosting;

/// <summary>
/// Whether grain state outlives the silo (Redis) or not (in-memory storage). With in-memory storage a silo shutting down
/// loses every state anyway, and its storage grain is gone before the grains that would write: they do not try.
/// </summary>
public sealed class StateDurability(bool outlivesSilo, IHostApplicationLifetime lifetime)
{
    public bool OutlivesSilo { get; } = outlivesSilo;

    /// <summary>Whether a grain deactivating for <paramref name="reason"/> should write its state.</summary>
    public bool WorthWriting(DeactivationReason reason) => OutlivesSilo || reason.ReasonCode != DeactivationReasonCode.ShuttingDown;

    /// <summary>Whether a write a grain's timer brings round is worth trying now: not once an in-memory silo is stopping.</summary>
    public bool WorthWritingNow => OutlivesSilo || !lifetime.ApplicationStopping.IsCancellationRequested;

    public static void Register(IServiceCollection services, bool outlivesSilo) =>
        services.AddSingleton(s => new StateDurability(outlivesSilo, s.GetRequiredService<IHostApplicationLifetime>()));
}
