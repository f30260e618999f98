using ImpactMesh.Dashboard.Security;
using Microsoft.Extensions.Options;

namespace ImpactMesh.Dashboard.Tests.Security;

public sealed class ApiKeyStoreTests
{
    [Fact]
    public void Constructor_NoKeys_GeneratesAdminKey()
    {
        var store = new ApiKeyStore(Options.Create(new SecurityOptions()));

        Assert.NotNull(store.GeneratedAdminKey);
        Assert.True(store.TryFind(store.GeneratedAdminKey, out _, out var role));
        Assert.Equal(Roles.Admin, role);
    }

    [Fact]
    public void Constructor_ConfiguredKeys_GeneratesNothingAndFindsRoles()
    {
        var store = new ApiKeyStore(Options.Create(new SecurityOptions
        {
            AdminKey = "from-environment-123456",
            ApiKeys = [new SecurityOptions.ApiKey { Key = "a-viewer-key-123456", Role = "Viewer", Name = "wall screen" }],
        }));

        Assert.Null(store.GeneratedAdminKey);
        Assert.True(store.TryFind("a-viewer-key-123456", out var name, out var role));
        Assert.Equal(("wall screen", Roles.Viewer), (name, role));
        Assert.True(store.TryFind("from-environment-123456", out _, out var admin));
        Assert.Equal(Roles.Admin, admin);
        Assert.False(store.TryFind("a-viewer-key-12345", out _, out _));
    }

    [Fact]
    public void Constructor_UnknownRole_Throws() =>
        Assert.Throws<OptionsValidationException>(() => new ApiKeyStore(Options.Create(new SecurityOptions
        {
            ApiKeys = [new SecurityOptions.ApiKey { Key = "some-key-1234567890", Role = "root" }],
        })));

    [Theory]
    [InlineData(Roles.Viewer, new[] { "viewer" })]
    [InlineData(Roles.Operator, new[] { "viewer", "operator" })]
    [InlineData("ADMIN", new[] { "viewer", "operator", "admin" })]
    public void Including_Role_HoldsWeakerRoles(string role, string[] expected) => Assert.Equal(expected, Roles.Including(role));
}
