using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Components;

/// <summary>One service or infrastructure component. It learns its place in the graph from the topology grain.</summary>
public sealed class ComponentGrain : Grain, IComponentGrain
{
    private ComponentRelations? _relations;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _relations = await GrainFactory.GetGrain<ITopologyGrain>(ITopologyGrain.Key).GetComponentAsync(this.GetPrimaryKeyString());
    }

    public Task ConfigureAsync(ComponentRelations? relations)
    {
        if (relations is null || _relations is null || relations.Version >= _relations.Version) _relations = relations;
        return Task.CompletedTask;
    }

    public Task<ComponentRelations?> GetRelationsAsync() => Task.FromResult(_relations);
}
