using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Feeds an <see cref="ImpactWatcher"/> from the impact index of the embedded silo (its batched changes, the same feed each
/// silo's SignalR bridge takes), re-subscribing every minute. Each change carries <see cref="ImpactChange.PublishedAt"/>.
/// </summary>
internal sealed class GrainImpactFeed : IImpactObserver, IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly ImpactWatcher _watcher;
    private readonly TimeProvider _time;
    private IImpactObserver? _reference;
    private ITimer? _resubscribe;

    private GrainImpactFeed(IGrainFactory grains, ImpactWatcher watcher, TimeProvider time)
    {
        _grains = grains;
        _watcher = watcher;
        _time = time;
    }

    public static async Task<GrainImpactFeed> StartAsync(IGrainFactory grains, ImpactWatcher watcher, TimeProvider time)
    {
        var feed = new GrainImpactFeed(grains, watcher, time);
        feed._reference = grains.CreateObjectReference<IImpactObserver>(feed);
        var index = grains.GetGrain<IImpactIndexGrain>(IImpactIndexGrain.Key);
        await index.SubscribeAsync(feed._reference);
        feed._resubscribe = time.CreateTimer(_ => _ = index.SubscribeAsync(feed._reference), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        return feed;
    }

    public Task OnImpactChangesAsync(ImmutableArray<ImpactChange> changes)
    {
        var arrived = _time.GetUtcNow();
        _watcher.Observe([.. changes.Select(c => new ObservedChange(c.Component, c.New, c.PublishedAt, arrived))]);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_resubscribe is not null) await _resubscribe.DisposeAsync();
        if (_reference is null) return;
        await _grains.GetGrain<IImpactIndexGrain>(IImpactIndexGrain.Key).UnsubscribeAsync(_reference);
        _grains.DeleteObjectReference<IImpactObserver>(_reference);
    }
}
