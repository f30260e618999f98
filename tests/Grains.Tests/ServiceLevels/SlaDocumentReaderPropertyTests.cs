using CsCheck;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.ServiceLevels;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

/// <summary>Whatever the text, the reader answers with SLAs or with problems, never with an exception.</summary>
public sealed class SlaDocumentReaderPropertyTests
{
    private static string Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImpactMesh.sln"))) return File.ReadAllText(Path.Combine(dir.FullName, "samples", name));
        }

        throw new InvalidOperationException("ImpactMesh.sln not found");
    }

    private static readonly string[] Snippets = ["", " ", "\n", ":", "- ", "[", "]", "{", "}", "\"", "'", "&a", "*a", "#", "-1", "1e999", "null", "ü", ",", "\t"];

    private static Gen<string> Mutated(string text) =>
        Gen.Select(Gen.Int[0, text.Length - 1], Gen.Int[0, 20], Gen.Int[0, Snippets.Length - 1]).Array[1, 4]
            .Select(edits =>
            {
                var s = text;
                foreach (var (at, cut, snippet) in edits)
                {
                    var start = Math.Min(at, s.Length);
                    s = s[..start] + Snippets[snippet] + s[Math.Min(s.Length, start + cut)..];
                }

                return s;
            });

    [Theory]
    [InlineData("slas.yaml", DocumentFormat.Yaml)]
    [InlineData("sla-templates.yaml", DocumentFormat.Yaml)]
    [InlineData("sla-acme-email.json", DocumentFormat.Json)]
    public void Read_MutatedSample_NeverThrowsAndIsAllOrNothing(string name, DocumentFormat format)
    {
        Mutated(Sample(name)).Sample(text =>
        {
            var d = SlaDocumentReader.Read(text, format);

            Assert.True(d.IsValid || (d.Slas.IsEmpty && d.Templates.IsEmpty && d.Statements.IsEmpty));
        }, iter: 400, threads: 1);
    }
}
