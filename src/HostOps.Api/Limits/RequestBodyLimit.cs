namespace HostOps.Api.Limits;

/// <summary>
/// Endpoint metadata: this endpoint's request body may be up to <see cref="MaxBytes"/> instead of the API's
/// <see cref="RequestBodyLimitMiddleware.MaxBytes"/>; it reads its body as a stream (nothing is buffered for it).
/// </summary>
/// <param name="TooLarge">The 413's details.</param>
internal sealed record RequestBodyLimit(long MaxBytes, string TooLarge);

internal static class RequestBodyLimitExtensions
{
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long maxBytes, string tooLarge)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestBodyLimit(maxBytes, tooLarge));
}
