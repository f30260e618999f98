using ImpactMesh.Silo.Hosting;
using Microsoft.AspNetCore.Builder;

namespace ImpactMesh.Silo.Tests.Hosting;

public sealed class OrleansSiloExtensionsTests
{
    private static bool HasDashboardProfiler(params string[] settings)
    {
        var builder = WebApplication.CreateBuilder(settings);
        builder.AddImpactMeshSilo();
        return builder.Services.Any(d => d.ServiceType == typeof(IIncomingGrainCallFilter) && d.ImplementationType?.FullName == OrleansSiloExtensions.DashboardProfilerFilter);
    }

    [Fact]
    public void AddImpactMeshSilo_TimesGrainCallsOnlyWhenAskedTo()
    {
        Assert.False(HasDashboardProfiler());
        Assert.False(HasDashboardProfiler("--ImpactMesh:ProfileGrainCalls=false"));
        Assert.True(HasDashboardProfiler("--ImpactMesh:ProfileGrainCalls=true"));
    }
}
