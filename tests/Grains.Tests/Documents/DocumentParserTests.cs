using System.Text.Json;
using ImpactMesh.Grains.Documents;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Tests.Documents;

public sealed class DocumentParserTests
{
    [Fact]
    public void Parse_YamlScalars_ResolvesCoreSchemaTypes()
    {
        var problems = new DocumentProblems();
        using var doc = DocumentParser.Parse("a: 1\nb: -2.5\nc: true\nd: ~\ne: '7'\nf: hello\ng: .5\nh: 1e3\ni: 08:00", DocumentFormat.Yaml, problems)!;

        var root = doc.RootElement;
        Assert.False(problems.Any);
        Assert.Equal(1, root.GetProperty("a").GetInt32());
        Assert.Equal(-2.5, root.GetProperty("b").GetDouble());
        Assert.True(root.GetProperty("c").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("d").ValueKind);
        Assert.Equal("7", root.GetProperty("e").GetString());
        Assert.Equal("hello", root.GetProperty("f").GetString());
        Assert.Equal(0.5, root.GetProperty("g").GetDouble());
        Assert.Equal(1000, root.GetProperty("h").GetDouble());
        Assert.Equal("08:00", root.GetProperty("i").GetString());
    }

    [Theory]
    [InlineData("components:\n  - id: a\n   kind: [", DocumentFormat.Yaml, "line 3")]
    [InlineData("a: 1\na: 2", DocumentFormat.Yaml, "duplicate key 'a'")]
    [InlineData("a: &x 1\nb: *x", DocumentFormat.Yaml, "aliases")]
    [InlineData("a: 1\n---\nb: 2", DocumentFormat.Yaml, "only one YAML document")]
    [InlineData("a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", DocumentFormat.Yaml, "nested more than 64")]
    [InlineData("{\n  \"components\": [\n    {\"id\": }\n  ]\n}", DocumentFormat.Json, "line 3")]
    [InlineData("{\"a\": 1,}", DocumentFormat.Json, "malformed JSON")]
    public void Parse_MalformedDocument_ReportsProblemWithLine(string text, DocumentFormat format, string expected)
    {
        var problems = new DocumentProblems();

        var doc = DocumentParser.Parse(text, format, problems);

        Assert.Null(doc);
        var problem = Assert.Single(problems.ToImmutable());
        Assert.Contains(expected, problem.Message);
    }
}
