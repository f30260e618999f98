using ImpactMesh.Grains.Documents;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.Topology;

namespace ImpactMesh.Grains.Tests.Topology;

public sealed class TopologyDocumentReaderTests
{
    private static (List<ComponentDefinition>? Components, List<string> Problems) Read(string text, DocumentFormat format = DocumentFormat.Yaml)
    {
        var problems = new DocumentProblems();
        var components = TopologyDocumentReader.ReadGraph(text, format, problems, new HashSet<string>());
        return (components?.ConvertAll(c => c.Component), problems.ToImmutable().Select(p => p.ToString()).ToList());
    }

    [Fact]
    public void ReadGraph_FullComponent_ReadsEveryField()
    {
        var (components, problems) = Read("""
            components:
              - id: db-1
                name: Orders DB
                kind: Database
                tags: { team: dba, replicas: 2 }
                dependsOn:
                  - host-1
                  - { id: san-1, impact: soft, shift: -1, weight: 5, ignore: true }
                rule:
                  atLeast: 2
                  additional:
                    - { set: major, when: less-than, percent: 50, status: ok }
                metrics:
                  latency_ms: { direction: higher-is-worse, warning: 100, critical: 500, sensitivity: 2, window: 2h, warmUp: 10m, raiseAfter: 2, clearAfter: 4, staleAfter: 90s, unit: ms }
                  throughput:
            """);

        Assert.Empty(problems);
        var c = Assert.Single(components!);
        Assert.Equal(("db-1", "Orders DB", "database"), (c.Id, c.Name, c.Kind));
        Assert.Equal("2", c.Tags["replicas"]);
        Assert.Equal(new Relation("host-1"), c.DependsOn[0]);
        Assert.Equal(new Relation("san-1", RelationImpact.Soft, -1, 5, true), c.DependsOn[1]);
        Assert.Equal((RuleKind.AtLeast, 2), (c.Rule!.Main, c.Rule.AtLeast));
        Assert.Equal(new AdditionalRule(HealthStatus.Major, ThresholdComparison.LessThan, ThresholdMeasure.Percent, 50, HealthStatus.Ok), c.Rule.Additional.Single());
        var latency = c.Metrics["latency_ms"];
        Assert.Equal((100d, 500d, 2d), (latency.Warning!.Value, latency.Critical!.Value, latency.Sensitivity));
        Assert.Equal((TimeSpan.FromHours(2), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(90)), (latency.Window, latency.WarmUp, latency.StaleAfter));
        Assert.Equal((2, 4, "ms"), (latency.RaiseAfter, latency.ClearAfter, latency.Unit));
        Assert.Equal(MetricSettings.Default, c.Metrics["throughput"]);
    }

    [Fact]
    public void ReadGraph_JsonAndYaml_GiveSameComponents()
    {
        var (fromYaml, _) = Read("components:\n  - { id: a, kind: host, dependsOn: [b], rule: best }\n  - { id: b, kind: host }");
        var (fromJson, _) = Read("""{"components":[{"id":"a","kind":"host","dependsOn":["b"],"rule":"best"},{"id":"b","kind":"host"}]}""", DocumentFormat.Json);

        Assert.Equal(2, fromYaml!.Count);
        Assert.True(fromYaml.Zip(fromJson!).All(p => ComponentDefinitionComparer.Same(p.First, p.Second)));
    }

    [Theory]
    [InlineData("components: 5", "components: must be a list, not a number")]
    [InlineData("nodes: []", "nodes: unknown field")]
    [InlineData("components:\n  - kind: host", "components[0].id: is required")]
    [InlineData("components:\n  - { id: 'a b', kind: host }", "components[0].id: 'a b' is not a valid id")]
    [InlineData("components:\n  - { id: a }", "components[0].kind: is required")]
    [InlineData("components:\n  - { id: a, kind: host, dependson: [] }", "components[0].dependson: unknown field")]
    [InlineData("components:\n  - { id: a, kind: host, dependsOn: [{ id: b, shift: 9 }] }", "components[0].dependsOn[0].shift: must be between -5 and 5, not 9")]
    [InlineData("components:\n  - { id: a, kind: host, dependsOn: [{ id: b, impact: medium }] }", "components[0].dependsOn[0].impact: 'medium' is not one of: hard, soft")]
    [InlineData("components:\n  - { id: a, kind: host, dependsOn: [{ id: b, weight: 2000000 }] }", "components[0].dependsOn[0].weight: must be between 0 and 1000000")]
    [InlineData("components:\n  - { id: a, kind: host, dependsOn: [7] }", "components[0].dependsOn[0]: must be an id or an object")]
    [InlineData("components:\n  - { id: a, kind: host, rule: most }", "components[0].rule: 'most' is not a rule")]
    [InlineData("components:\n  - { id: a, kind: host, rule: { main: best, atLeast: 2 } }", "components[0].rule.atLeast: applies only to the atLeast rule")]
    [InlineData("components:\n  - { id: a, kind: host, rule: { additional: [{ set: major, count: 1, percent: 5, status: major }] } }", "components[0].rule.additional[0]: give exactly one of")]
    [InlineData("components:\n  - { id: a, kind: host, rule: { additional: [{ set: broken, count: 1, status: major }] } }", "components[0].rule.additional[0].set: 'broken' is not a status")]
    [InlineData("components:\n  - { id: a, kind: host, rule: { additional: [{ set: major, percent: 150, status: major }] } }", "components[0].rule.additional[0].percent: must be between 0 and 100")]
    [InlineData("components:\n  - { id: a, kind: host, metrics: { cpu: { sensitivity: 0 } } }", "components[0].metrics.cpu.sensitivity: must be between 0.1 and 10")]
    [InlineData("components:\n  - { id: a, kind: host, metrics: { cpu: { warning: 90, critical: 80 } } }", "components[0].metrics.cpu.critical: must lie beyond warning")]
    [InlineData("components:\n  - { id: a, kind: host, metrics: { cpu: { raiseAfter: 1.5 } } }", "components[0].metrics.cpu.raiseAfter: must be a whole number")]
    [InlineData("components:\n  - { id: a, kind: host, metrics: { 'c p u': {} } }", "components[0].metrics.c p u: metric names are")]
    [InlineData("components:\n  - { id: a, kind: host, tags: [x] }", "components[0].tags: must be a map")]
    public void ReadGraph_BadField_NamesItByPath(string yaml, string expected)
    {
        var (_, problems) = Read(yaml);

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadGraph_SeveralProblems_ReportsEveryOne()
    {
        var (_, problems) = Read("components:\n  - { id: a, kind: 9 }\n  - { kind: host }\n  - { id: c, kind: host, dependsOn: [{ shift: x }] }");

        Assert.Equal(4, problems.Count);
    }

    public static TheoryData<DocumentFormat, string> SharedValuesDocuments => new()
    {
        {
            DocumentFormat.Json,
            """
            {"components":[
              {"id":"app-1","kind":"Application","tags":{"team":"team-7","layer":"6"},"dependsOn":["db-1",{"id":"host-1","impact":"soft"}],"metrics":{"latency_ms":{"unit":"ms"}}},
              {"id":"app-2","kind":"application","tags":{"team":"team-7","layer":"6"},"dependsOn":["db-1",{"id":"host-1","impact":"soft"}],"metrics":{"latency_ms":{"unit":"ms"}}},
              {"id":"db-1","kind":"database"},
              {"id":"host-1","kind":"host"}
            ]}
            """
        },
        {
            DocumentFormat.Yaml,
            """
            components:
              - { id: app-1, kind: Application, tags: { team: team-7, layer: 6 }, dependsOn: [db-1, { id: host-1, impact: soft }], metrics: { latency_ms: { unit: ms } } }
              - { id: app-2, kind: application, tags: { team: team-7, layer: 6 }, dependsOn: [db-1, { id: host-1, impact: soft }], metrics: { latency_ms: { unit: ms } } }
              - { id: db-1, kind: database }
              - { id: host-1, kind: host }
            """
        },
    };

    [Theory]
    [MemberData(nameof(SharedValuesDocuments))]
    public void ReadGraph_RelationToComponent_IsTheComponentsIdInstance(DocumentFormat format, string text)
    {
        var (components, problems) = Read(text, format);

        Assert.Empty(problems);
        var (app, db, host) = (components![0], components[2], components[3]);
        Assert.Same(db.Id, app.DependsOn[0].Id);
        Assert.Same(host.Id, app.DependsOn[1].Id);
    }

    [Theory]
    [MemberData(nameof(SharedValuesDocuments))]
    public void ReadGraph_RepeatedValues_AreOneInstanceAcrossComponents(DocumentFormat format, string text)
    {
        var (components, problems) = Read(text, format);

        Assert.Empty(problems);
        var (first, second) = (components![0], components[1]);
        Assert.Same(first.Kind, second.Kind);
        Assert.Same(first.Tags, second.Tags);
        Assert.Same(first.DependsOn[0], second.DependsOn[0]);
        Assert.Same(first.DependsOn[1], second.DependsOn[1]);
        Assert.Same(first.Metrics.Keys.Single(), second.Metrics.Keys.Single());
        Assert.Same(first.Metrics["latency_ms"], second.Metrics["latency_ms"]);
        Assert.Same(components[2].Tags, components[3].Tags);
        Assert.Same(components[2].Metrics, components[3].Metrics);
    }

    [Fact]
    public void ReadGraph_DifferentTags_ShareTagNamesAndValues()
    {
        var (components, problems) = Read("""
            components:
              - { id: db-1, kind: database, tags: { team: team-7, layer: 4 } }
              - { id: db-2, kind: database, tags: { team: team-7, layer: 5 } }
            """);

        Assert.Empty(problems);
        var (first, second) = (components![0].Tags, components[1].Tags);
        Assert.NotSame(first, second);
        Assert.Same(first.Keys.First(k => k == "team"), second.Keys.First(k => k == "team"));
        Assert.Same(first["team"], second["team"]);
        Assert.Equal(("4", "5"), (first["layer"], second["layer"]));
    }

    [Fact]
    public void ReadGraph_TwoDocuments_ShareNothing()
    {
        const string Text = "components:\n  - { id: db-1, kind: database, tags: { team: team-7 } }";

        var (first, _) = Read(Text);
        var (second, _) = Read(Text);

        Assert.NotSame(first![0].Id, second![0].Id);
        Assert.NotSame(first[0].Tags["team"], second[0].Tags["team"]);
    }

    [Fact]
    public void ReadComponent_IdDiffersFromRoute_IsAProblem()
    {
        var problems = new DocumentProblems();

        var component = TopologyDocumentReader.ReadComponent("""{"id":"b","kind":"host"}""", DocumentFormat.Json, "a", problems);

        Assert.Null(component);
        Assert.Equal("id: 'b' does not match the id 'a' in the URL", problems.ToImmutable().Single().ToString());
    }

    [Fact]
    public void ReadComponent_NoId_TakesRouteId()
    {
        var problems = new DocumentProblems();

        var component = TopologyDocumentReader.ReadComponent("kind: host", DocumentFormat.Yaml, "a", problems);

        Assert.Equal("a", component!.Id);
    }

    [Fact]
    public void ReadGraph_RandomlyDamagedDocuments_NeverThrow()
    {
        var sample = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "topology.yaml"));
        var random = new Random(20261204);
        const string noise = "{}[]:,-'\"#&*!|>%@` \n\t\\0aZ.";
        for (var i = 0; i < 400; i++)
        {
            var chars = sample.ToCharArray();
            var edits = random.Next(1, 12);
            for (var e = 0; e < edits; e++) chars[random.Next(chars.Length)] = noise[random.Next(noise.Length)];
            var text = new string(chars);
            if (random.Next(4) == 0) text = text[..random.Next(text.Length)];

            var problems = new DocumentProblems();
            var result = TopologyDocumentReader.ReadGraph(text, i % 5 == 0 ? DocumentFormat.Json : DocumentFormat.Yaml, problems, new HashSet<string>());

            Assert.True(result is not null || problems.Any, $"iteration {i}: neither components nor problems");
            Assert.All(problems.ToImmutable(), p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        }
    }
}
