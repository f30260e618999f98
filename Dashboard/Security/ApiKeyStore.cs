using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ImpactMesh.Dashboard.Security;

/// <summary>
/// Knows the valid API keys by their SHA-256 hashes (the keys themselves are not kept in memory beyond start-up, nor logged).
/// When no key is configured it generates an admin key, which <see cref="GeneratedAdminKey"/> exposes once for the
/// start-up banner.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly Dictionary<string, (string Name, string Role)> _byHash = new(StringComparer.Ordinal);

    public ApiKeyStore(IOptions<SecurityOptions> options)
    {
        var value = options.Value;
        foreach (var key in value.ApiKeys)
        {
            if (!Roles.IsRole(key.Role)) throw new OptionsValidationException(SecurityOptions.Section, typeof(SecurityOptions), [$"API key '{key.Name}' has unknown role '{key.Role}' (use viewer, operator or admin)"]);
            _byHash[Hash(key.Key)] = (key.Name ?? key.Role, key.Role.ToLowerInvariant());
        }

        if (!string.IsNullOrWhiteSpace(value.AdminKey)) _byHash[Hash(value.AdminKey.Trim())] = ("admin", Roles.Admin);
        if (_byHash.Count == 0)
        {
            GeneratedAdminKey = Base64Url(RandomNumberGenerator.GetBytes(24));
            _byHash[Hash(GeneratedAdminKey)] = ("generated admin", Roles.Admin);
        }
    }

    /// <summary>The admin key made up at start when none was configured; null otherwise.</summary>
    public string? GeneratedAdminKey { get; }

    public bool TryFind(string presented, out string name, out string role)
    {
        var found = _byHash.TryGetValue(Hash(presented), out var entry);
        (name, role) = found ? entry : ("", "");
        return found;
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
