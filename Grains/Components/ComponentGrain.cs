using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Components;

/// <summary>
/// One service or infrastructure component. It learns its place in the graph from the topology grain: pushed on every
/// change, and asked for when it activates without having been told (so it cannot stay stale after a restart).
/// </summary>
public sealed class ComponentGrain : Grain, IComponentGrain
{
    private ComponentRelations? _relations;
    private bool _configured;

    public Task ConfigureAsync(ComponentRelations? relations)
    {
        if (!_configured || relations is null || _relations is null || relations.Version >= _relations.Version) _relations = relations;
        _configured = true;
        return Task.CompletedTask;
    }

    public async Task<ComponentRelations?> GetRelationsAsync()
    {
        await EnsureConfiguredAsync();
        return _relations;
    }

    private async Task EnsureConfiguredAsync()
    {
        if (_configured) return;
        var relations = await GrainFactory.GetGrain<ITopologyGrain>(ITopologyGrain.Key).GetComponentAsync(this.GetPrimaryKeyString());
        if (!_configured) await ConfigureAsync(relations);
    }
}
