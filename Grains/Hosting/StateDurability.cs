namespace ImpactMesh.Grains.Hosting;

/// <summary>
/// Whether grain state outlives the silo (Redis) or not (in-memory storage). With in-memory storage a silo shutting down
/// loses every state anyway, and its storage grain is gone before the grains that would write: they do not try.
/// </summary>
public sealed record StateDurability(bool OutlivesSilo)
{
    public static readonly StateDurability InMemory = new(false);

    public static readonly StateDurability Durable = new(true);

    /// <summary>Whether a grain deactivating for <paramref name="reason"/> should write its state.</summary>
    public bool WorthWriting(DeactivationReason reason) => OutlivesSilo || reason.ReasonCode != DeactivationReasonCode.ShuttingDown;
}
