using HostOps.Api.Errors;
using HostOps.Contracts.Text;
using Microsoft.AspNetCore.Http.Features;

namespace HostOps.Api.Limits;

/// <summary>
/// Answers 413 with the error body to any request body over <see cref="MaxBytes"/>: at once when its
/// <c>Content-Length</c> says so, and for a body of unknown length (chunked) once more than the limit has arrived.
/// Such a body is read into memory first (at most the limit), so no endpoint ever sees part of an oversized body.
/// Kestrel's own <c>MaxRequestBodySize</c> is set to the same limit as a second line. An endpoint with a
/// <see cref="RequestBodyLimit"/> (<c>POST /file</c>) has its own limit instead, and reads its body as a stream.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    /// <summary>64 KiB: the largest request (a DNS update with every server and search domain) is under 2 KiB.</summary>
    public const long MaxBytes = 64 * 1024;

    public static readonly string TooLarge = $"body: larger than the {ByteSizeText.Format(MaxBytes)} limit";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>() is { } own)
        {
            if (request.ContentLength > own.MaxBytes)
            {
                await ApiErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, own.TooLarge);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = own.MaxBytes;
            }

            await next(context);
            return;
        }

        if (request.ContentLength > MaxBytes)
        {
            await RefuseAsync(context);
            return;
        }

        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        if (request.ContentLength is null && canHaveBody && !await BufferAsync(context))
        {
            await RefuseAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>Reads a body of unknown length into memory; false once it passes the limit.</summary>
    private static async Task<bool> BufferAsync(HttpContext context)
    {
        var buffered = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffered.Length + read > MaxBytes)
                {
                    return false;
                }

                buffered.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false; // Kestrel's own limit
        }

        buffered.Position = 0;
        context.Request.Body = buffered;
        context.Response.RegisterForDispose(buffered);
        return true;
    }

    // The rest of the body is not read; Kestrel closes the connection rather than drain more than its limit.
    private static Task RefuseAsync(HttpContext context) =>
        ApiErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge);
}
