using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.ServiceLevels;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class SlaDocumentWriterTests
{
    private static IEnumerable<SlaDefinition> SampleSlas()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "samples")).Where(f => Path.GetFileName(f).Contains("sla", StringComparison.OrdinalIgnoreCase)))
        {
            var d = SlaDocumentReader.Read(File.ReadAllText(path), path.EndsWith(".json", StringComparison.Ordinal) ? DocumentFormat.Json : DocumentFormat.Yaml);
            foreach (var sla in d.Slas) yield return sla;
            foreach (var sow in d.Statements) yield return SlaTemplates.Apply(d.Templates, sow, $"draft-{sow.Id}")!;
        }
    }

    [Fact]
    public void Write_EverySampleSlaAndDraft_ReadsBackToTheSameTerms()
    {
        var slas = SampleSlas().ToList();

        Assert.True(slas.Count >= 6);
        foreach (var sla in slas)
        {
            var read = SlaDocumentReader.ReadSingleSla(SlaDocumentWriter.Write(sla), DocumentFormat.Json);

            Assert.True(read.IsValid, $"{sla.Id}: {string.Join("; ", read.Problems)}");
            Assert.Empty(SlaLifecycle.Diff(sla, read.Slas[0]));
        }
    }
}
