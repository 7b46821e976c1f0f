using HostOps.Api.Configuration;
using HostOps.Api.Errors;
using HostOps.Contracts.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace HostOps.Api.Security;

/// <summary>Bearer authentication (HS256 only, see <see cref="TokenValidation"/>) and one policy per scope.</summary>
internal static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddHostOpsAuth(this IServiceCollection services)
    {
        services.AddSingleton<AuthFailureThrottle>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // Authentication brings data protection, whose start-up writes a key ring to ~/.aspnet. Bearer tokens never
        // use it (nothing is protected or unprotected), so keep its keys in memory and write nothing to disk.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<ApiServerOptions>, AuthFailureThrottle>(Configure);

        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in new[] { Scopes.Read, Scopes.Write, Scopes.Admin })
        {
            authorization.AddPolicy(scope, p => p.RequireAuthenticatedUser().RequireClaim(ScopeClaims.ClaimType, scope));
        }

        return services;
    }

    private static void Configure(JwtBearerOptions jwt, IOptions<ApiServerOptions> api, AuthFailureThrottle throttle)
    {
        jwt.MapInboundClaims = false;
        jwt.RequireHttpsMetadata = false;
        jwt.TokenValidationParameters = TokenValidation.CreateParameters(api.Value.Security.SigningKey);
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                ScopeClaims.Apply(context.Principal);
                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                // Our body replaces the handler's default, which would put the failure text in WWW-Authenticate.
                context.HandleResponse();
                throttle.RecordFailure(AuthFailureThrottle.ClientKey(context.HttpContext));
                context.Response.Headers.WWWAuthenticate = "Bearer";
                var details = context.AuthenticateFailure is { } failure ? TokenValidation.Describe(failure) : "Bearer token missing";
                return ApiErrors.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, details);
            },
            OnForbidden = context =>
                ApiErrors.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, MissingScopes(context.HttpContext)),
        };
    }

    private static string MissingScopes(HttpContext context)
    {
        var missing = (context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [])
            .Select(a => a.Policy)
            .OfType<string>()
            .Where(scope => !ScopeClaims.Has(context.User, scope))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return missing.Count == 0 ? "token lacks the required scope" : $"requires scope {string.Join(", ", missing)}";
    }
}
