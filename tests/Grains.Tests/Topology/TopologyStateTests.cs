using ImpactMesh.Grains.Documents;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Topology;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace ImpactMesh.Grains.Tests.Topology;

/// <summary>The relation graph as grain storage keeps it (the silo's storages use the Orleans serializer).</summary>
public sealed class TopologyStateTests
{
    private static readonly OrleansGrainStorageSerializer Storage = new(new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(TopologyState).Assembly).AddAssembly(typeof(ComponentDefinition).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>());

    [Fact]
    public void RoundTrip_ReadDocument_KeepsSharedInstancesShared()
    {
        var problems = new DocumentProblems();
        var read = TopologyDocumentReader.ReadGraph("""
            components:
              - { id: app-1, kind: application, tags: { team: team-7 }, dependsOn: [db-1] }
              - { id: app-2, kind: application, tags: { team: team-7 }, dependsOn: [db-1] }
              - { id: db-1, kind: database }
            """, DocumentFormat.Yaml, problems, new HashSet<string>())!;
        var state = new TopologyState { Components = read.ConvertAll(r => r.Component), Version = 3 };

        var back = Storage.Deserialize<TopologyState>(Storage.Serialize(state))!;

        var (app1, app2, db) = (back.Components[0], back.Components[1], back.Components[2]);
        Assert.Equal(3, back.Version);
        Assert.Same(db.Id, app1.DependsOn[0].Id);
        Assert.Same(app1.DependsOn[0], app2.DependsOn[0]);
        Assert.Same(app1.Kind, app2.Kind);
        Assert.Same(app1.Tags["team"], app2.Tags["team"]);
    }
}
