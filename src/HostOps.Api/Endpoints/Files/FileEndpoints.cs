using HostOps.Api.Errors;
using HostOps.Api.Limits;
using HostOps.Contracts.Errors;
using HostOps.Contracts.Files;
using HostOps.Contracts.Operations.Files;
using HostOps.Contracts.Security;
using HostOps.Contracts.Text;
using HostOps.Jobs.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NATS.Client.JetStream;

namespace HostOps.Api.Endpoints.Files;

/// <summary>
/// The file store (<see cref="FileStore"/>): upload a file once (multipart, up to 64 MiB, streamed into the NATS
/// Object Store bucket in chunks with its sha256), list, show and delete stored files. Deploying one to hosts is the
/// declared operation <c>POST /file/{name}/deploy</c>.
/// </summary>
internal static class FileEndpoints
{
    /// <summary>The body may carry the multipart framing around a file of the largest size.</summary>
    private const long MaxUploadBody = FileRules.MaxStoredBytes + (64 * 1024);

    private static readonly string TooLarge = $"file: larger than the {ByteSizeText.Format(FileRules.MaxStoredBytes)} limit";

    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags(FileOperations.Store.Tag)
            .AddEndpointFilter<NatsAvailabilityFilter>()
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/file", UploadAsync)
            .RequireScope(Scopes.Write)
            .WithRequestBodyLimit(MaxUploadBody, TooLarge)
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadFile")
            .WithSummary("Store a file (multipart/form-data, one file part, up to 64 MiB) under its file name or ?name=; answers its size and sha256.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        group.MapGet("/file", ListAsync)
            .RequireScope(Scopes.Read)
            .WithName("ListFiles")
            .WithSummary("Every stored file with its size and sha256.");

        group.MapGet("/file/{name}", GetAsync)
            .RequireScope(Scopes.Read)
            .WithName("GetFile")
            .WithSummary("One stored file's size, sha256, chunks and time stored.")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapDelete("/file/{name}", DeleteAsync)
            .RequireScope(Scopes.Write)
            .WithName("DeleteFile")
            .WithSummary("Remove a stored file (files already deployed on hosts stay).")
            .ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Created<StoredFile>, JsonHttpResult<ErrorBody>>> UploadAsync(HttpContext http, FileStore store, string? name = null)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return ApiErrors.Invalid("body: must be multipart/form-data with one file part");
        }

        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                {
                    continue;
                }

                name ??= Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                if (FileRules.StoredName("name", name) is { } invalid)
                {
                    return ApiErrors.Invalid(invalid);
                }

                await using var content = new LimitedReadStream(section.Body, FileRules.MaxStoredBytes);
                var stored = await store.PutAsync(name!, content, http.RequestAborted);
                return TypedResults.Created($"/file/{Uri.EscapeDataString(stored.Name)}", stored);
            }
        }
        catch (LimitedReadStream.TooLongException)
        {
            return ApiErrors.Status(StatusCodes.Status413PayloadTooLarge, TooLarge);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiErrors.Status(StatusCodes.Status413PayloadTooLarge, TooLarge);
        }
        catch (InvalidDataException e)
        {
            return ApiErrors.Invalid($"body: not valid multipart/form-data ({e.Message})");
        }
        catch (NatsJSApiException e) when (StoreFull.Suspected(e))
        {
            return ApiErrors.Status(StatusCodes.Status503ServiceUnavailable, $"the file store (bucket {store.Bucket}) is full; delete stored files or raise job.files.max_bytes");
        }

        return ApiErrors.Invalid("body: has no file part (a part with a filename)");
    }

    private static async Task<Ok<StoredFileList>> ListAsync(FileStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new StoredFileList(await store.ListAsync(cancellationToken)));

    private static async Task<Results<Ok<StoredFile>, JsonHttpResult<ErrorBody>>> GetAsync(string name, FileStore store, CancellationToken cancellationToken)
    {
        if (FileRules.StoredName("name", name) is { } invalid)
        {
            return ApiErrors.Invalid(invalid);
        }

        return await store.GetAsync(name, cancellationToken) is { } file ? TypedResults.Ok(file) : NotStored(name);
    }

    private static async Task<Results<NoContent, JsonHttpResult<ErrorBody>>> DeleteAsync(string name, FileStore store, CancellationToken cancellationToken)
    {
        if (FileRules.StoredName("name", name) is { } invalid)
        {
            return ApiErrors.Invalid(invalid);
        }

        return await store.DeleteAsync(name, cancellationToken) ? TypedResults.NoContent() : NotStored(name);
    }

    private static JsonHttpResult<ErrorBody> NotStored(string name) => ApiErrors.NotFound($"name: no stored file named {name}");
}
