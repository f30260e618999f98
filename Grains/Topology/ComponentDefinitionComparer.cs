using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Topology;

/// <summary>Structural equality of definitions (records compare their immutable collections by reference).</summary>
internal static class ComponentDefinitionComparer
{
    public static bool Same(ComponentDefinition a, ComponentDefinition b) =>
        a.Id == b.Id
        && a.Name == b.Name
        && a.Kind == b.Kind
        && a.Tags.SequenceEqual(b.Tags)
        && a.DependsOn.SequenceEqual(b.DependsOn)
        && SameRule(a.Rule, b.Rule)
        && a.Metrics.SequenceEqual(b.Metrics);

    private static bool SameRule(StatusRule? a, StatusRule? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Main == b.Main && a.AtLeast == b.AtLeast && a.Additional.SequenceEqual(b.Additional);
}
