using System.ComponentModel.DataAnnotations;

namespace ImpactMesh.Dashboard.Security;

/// <summary>
/// API keys and their roles, from configuration section <c>ImpactMesh:Security</c>:
/// <c>ApiKeys</c> (a list of { Key, Role, Name }) and <c>AdminKey</c> (also set by the environment variable
/// <c>IMPACTMESH_ADMIN_KEY</c>). With no key at all the silo makes up an admin key at start and prints it.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "ImpactMesh:Security";

    public List<ApiKey> ApiKeys { get; set; } = [];

    public string? AdminKey { get; set; }

    public sealed class ApiKey
    {
        [Required, MinLength(16)]
        public string Key { get; set; } = "";

        [Required]
        public string Role { get; set; } = Roles.Viewer;

        public string? Name { get; set; }
    }
}
