using System.Net;
using System.Text;

namespace ImpactMesh.Dashboard.Tests.Security;

public sealed class ApiKeyTests(ImpactMeshFactory factory) : IClassFixture<ImpactMeshFactory>
{
    [Fact]
    public async Task Healthz_WithoutKey_IsOpen()
    {
        var response = await factory.CreateClient(null).GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    public async Task Read_WithoutValidKey_Returns401Problem(string? key)
    {
        var response = await factory.CreateClient(key).GetAsync("/api/topology", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData(ImpactMeshFactory.ViewerKey, HttpStatusCode.Forbidden)]
    [InlineData(ImpactMeshFactory.OperatorKey, HttpStatusCode.Forbidden)]
    [InlineData(ImpactMeshFactory.AdminKey, HttpStatusCode.Created)]
    public async Task ChangeTopology_ByRole_OnlyAdminMay(string key, HttpStatusCode expected)
    {
        var id = "role-" + expected.ToString().ToLowerInvariant();

        var response = await factory.CreateClient(key).PutAsync($"/api/components/{id}", new StringContent("kind: host", Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task KeyInQuery_SetsSessionCookieForLaterRequests()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

        var first = await client.GetAsync($"/api/topology?key={ImpactMeshFactory.ViewerKey}", TestContext.Current.CancellationToken);
        var second = await client.GetAsync("/api/topology", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }
}
