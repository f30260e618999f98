using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImpactMesh.Dashboard.Security;

/// <summary>
/// Authenticates a request by its API key: the <c>X-Api-Key</c> header (or <c>Authorization: Bearer</c>, which a SignalR
/// client's access token factory sends when it negotiates), or for browsers the <c>access_token</c> (or
/// <c>key</c>) query parameter (SignalR WebSockets cannot send headers) or the <c>impactmesh-key</c> session cookie, which
/// is set when a key arrives in the query so that pages such as <c>/dashboard?key=...</c> keep working as they navigate.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string Cookie = "impactmesh-key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var fromQuery = Request.Query["access_token"].FirstOrDefault() ?? Request.Query["key"].FirstOrDefault();
        var presented = Request.Headers[Header].FirstOrDefault() ?? Bearer() ?? fromQuery ?? Request.Cookies[Cookie];
        if (string.IsNullOrEmpty(presented)) return Task.FromResult(AuthenticateResult.NoResult());
        if (!keys.TryFind(presented, out var name, out var role)) return Task.FromResult(AuthenticateResult.Fail("invalid API key"));
        if (fromQuery is not null && HttpMethods.IsGet(Request.Method))
        {
            Response.Cookies.Append(Cookie, fromQuery, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(Roles.Including(role).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private string? Bearer()
    {
        const string prefix = "Bearer ";
        var value = Request.Headers.Authorization.FirstOrDefault();
        return value is not null && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? value[prefix.Length..].Trim() : null;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(
            title: "API key required",
            detail: $"Send a valid API key in the {Header} header.",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(
            title: "Role too weak",
            detail: "This API key's role does not allow this request.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
    }
}
