using ImpactMesh.Silo.Hosting;

ImpactMeshHost.Build(args).Run();

/// <summary>The ImpactMesh silo process (see <see cref="ImpactMeshHost"/>).</summary>
public partial class Program;
