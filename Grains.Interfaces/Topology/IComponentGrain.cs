namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>One service or infrastructure component, keyed by its id.</summary>
[Alias("ImpactMesh.IComponentGrain")]
public interface IComponentGrain : IGrainWithStringKey
{
    /// <summary>Gives the component its place in the graph; null when it was removed.</summary>
    [Alias("ConfigureAsync")]
    Task ConfigureAsync(ComponentRelations? relations);

    /// <summary>The component's place in the graph as this grain knows it, or null when it is not in the graph.</summary>
    [Alias("GetRelationsAsync")]
    Task<ComponentRelations?> GetRelationsAsync();
}
