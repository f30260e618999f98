using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImpactMesh.Grains.Topology;

/// <summary>
/// Holds the relation graph (a <see cref="TopologyGraph"/>), persists it, and tells each component grain whose relations
/// a change touched. A change that cannot be persisted is rolled back.
/// </summary>
public sealed partial class TopologyGrain(
    [PersistentState("topology", StorageNames.State)] IPersistentState<TopologyState> state,
    [FromKeyedServices(ServiceKeys.Time)] TimeProvider time,
    ILogger<TopologyGrain> logger) : Grain, ITopologyGrain
{
    private const int PushBatch = 2048;
    private TopologyGraph _graph = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _graph = FromState();
        return Task.CompletedTask;
    }

    public Task<TopologyUpdateResult> ReplaceAsync(string document, DocumentFormat format) =>
        ApplyAsync(() => _graph.Replace(document, format, time.GetUtcNow()));

    public Task<TopologyUpdateResult> UpsertComponentAsync(string id, string document, DocumentFormat format) =>
        ApplyAsync(() => _graph.Upsert(id, document, format, time.GetUtcNow()));

    public async Task<ComponentRemovalResult> RemoveComponentAsync(string id, bool force)
    {
        ComponentRemovalResult result = null!;
        await ApplyAsync(() =>
        {
            (result, var affected) = _graph.Remove(id, force, time.GetUtcNow());
            return new TopologyChange(new TopologyUpdateResult([], [], _graph.Components.Count, _graph.RelationCount, _graph.Version), affected);
        });
        return result;
    }

    public Task<TopologySnapshot> GetSnapshotAsync() =>
        Task.FromResult(new TopologySnapshot([.. _graph.Components], _graph.Version, _graph.UpdatedAt));

    public Task<long> GetVersionAsync() => Task.FromResult(_graph.Version);

    public Task<ComponentRelations?> GetComponentAsync(string id) => Task.FromResult(_graph.Get(id));

    private async Task<TopologyUpdateResult> ApplyAsync(Func<TopologyChange> change)
    {
        var versionBefore = _graph.Version;
        var outcome = change();
        if (!outcome.Result.Applied || _graph.Version == versionBefore) return outcome.Result;

        try
        {
            state.State = new TopologyState { Components = [.. _graph.Components], Version = _graph.Version, UpdatedAt = _graph.UpdatedAt };
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogPersistFailed(logger, e);
            await state.ReadStateAsync();
            _graph = FromState();
            throw;
        }

        LogChanged(logger, _graph.Version, _graph.Components.Count, _graph.RelationCount, outcome.Affected.Count);
        await PushAsync(outcome.Affected);
        return outcome.Result;
    }

    private async Task PushAsync(IReadOnlyList<string> affected)
    {
        for (var start = 0; start < affected.Count; start += PushBatch)
        {
            var batch = affected.Skip(start).Take(PushBatch).Select(async id =>
            {
                try
                {
                    await GrainFactory.GetGrain<IComponentGrain>(id).ConfigureAsync(_graph.Get(id));
                }
                catch (Exception e)
                {
                    // The component grain asks for its relations again whenever it activates, so it cannot stay stale.
                    LogPushFailed(logger, id, e);
                }
            });
            await Task.WhenAll(batch);
        }
    }

    private TopologyGraph FromState() => new(state.State.Components, state.State.Version, state.State.UpdatedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relation graph version {Version}: {Components} components, {Relations} relations, {Affected} components changed")]
    private static partial void LogChanged(ILogger logger, long version, int components, int relations, int affected);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not persist the relation graph; the change was rolled back")]
    private static partial void LogPersistFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell component {Component} about its relations")]
    private static partial void LogPushFailed(ILogger logger, string component, Exception exception);
}
