using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Client;
using HostOps.Client.Errors;
using HostOps.Contracts.Operations.Files;
using HostOps.Contracts.Security;
using HostOps.Jobs.Files;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace HostOps.Api.Tests.Files;

/// <summary>The file store through the API and the SDK, against a real nats-server and its Object Store bucket.</summary>
public sealed class FileStoreTests(FileHosts hosts) : IClassFixture<FileHosts>
{
    private static readonly string Writer = TestTokens.ForRole(Scopes.Write);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HostOpsApiClient Client => hosts.Client;

    [Fact]
    public async Task Uploads_lists_shows_and_deletes_a_file_chunked_with_its_sha256()
    {
        var content = RandomNumberGenerator.GetBytes(300 * 1024);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));

        var stored = await Client.UploadFileAsync("store.tar", new MemoryStream(content), Ct);

        (stored.Name, stored.Size, stored.Sha256).ShouldBe(("store.tar", content.Length, sha256));
        stored.Chunks.ShouldBeGreaterThan(1);
        (await Client.ListFilesAsync(Ct)).Files.ShouldContain(f => f.Name == "store.tar" && f.Sha256 == sha256);
        (await Client.GetFileAsync("store.tar", Ct)).Size.ShouldBe(content.Length);
        await Client.DeleteFileAsync("store.tar", Ct);
        (await Should.ThrowAsync<HostOpsApiException>(() => Client.GetFileAsync("store.tar", Ct))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.ListFilesAsync(Ct)).Files.ShouldNotContain(f => f.Name == "store.tar");
    }

    [Fact]
    public async Task The_stored_name_is_the_file_name_unless_the_query_names_it()
    {
        using var body = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "from-part.txt" } };

        using var response = await Post("/file", body);
        using var named = await Post("/file?name=chosen", new MultipartFormDataContent { { new ByteArrayContent("y"u8.ToArray()), "file", "ignored.txt" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe("/file/from-part.txt");
        named.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Client.ListFilesAsync(Ct)).Files.Select(f => f.Name).ShouldContain("chosen");
    }

    [Fact]
    public async Task An_upload_declared_over_64_MiB_is_413_with_the_error_body()
    {
        using var response = await Post("/file", new DeclaredLengthContent(FileRules.MaxStoredBytes + (128 * 1024)));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var error = await response.ReadErrorAsync();
        (error.Code, error.Error).ShouldBe((413, "Request body too large"));
        error.Details.ShouldBe("file: larger than the 64MiB limit");
    }

    [Fact]
    public async Task An_upload_that_grows_past_64_MiB_while_streaming_is_413_and_leaves_nothing_stored()
    {
        var js = new NatsJSContext((NatsConnection)hosts.Api.Services.GetRequiredService<INatsConnection>());
        var stream = $"OBJ_{hosts.Api.Services.GetRequiredService<FileStore>().Bucket}";
        var before = (await js.GetStreamAsync(stream, cancellationToken: Ct)).Info.State;
        var oversized = new StreamContent(new ZeroStream(FileRules.MaxStoredBytes + (1024 * 1024)));
        oversized.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var response = await Post("/file", new MultipartFormDataContent { { oversized, "file", "too-big.iso" } });

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadErrorAsync()).Details.ShouldBe("file: larger than the 64MiB limit");
        (await Client.ListFilesAsync(Ct)).Files.ShouldNotContain(f => f.Name == "too-big.iso");
        var after = (await js.GetStreamAsync(stream, cancellationToken: Ct)).Info.State;
        after.Bytes.ShouldBe(before.Bytes, "the chunks of the refused upload were purged");
    }

    [Theory]
    [InlineData("/file?name=../etc/passwd", "name: '../etc/passwd' is not a valid stored file name")]
    [InlineData("/file?name=.hidden", "name: '.hidden' is not a valid stored file name")]
    public async Task A_bad_name_is_400_naming_it(string path, string details)
    {
        using var response = await Post(path, new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith(details);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_415()
    {
        using var response = await hosts.Api.Client.SendAsync(HttpMethod.Post, "/file", Writer, "{}");

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadErrorAsync()).Code.ShouldBe(415);
    }

    [Fact]
    public async Task Deleting_a_file_that_is_not_stored_is_404()
    {
        using var response = await hosts.Api.Client.SendAsync(HttpMethod.Delete, "/file/nothing", Writer);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ReadErrorAsync()).Details.ShouldBe("name: no stored file named nothing");
    }

    private async Task<HttpResponseMessage> Post(string path, HttpContent body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Writer);
        return await hosts.Api.Client.SendAsync(request, Ct);
    }

    // Zeros of a given length, read as they are sent: the request has no Content-Length the API could refuse early.
    private sealed class ZeroStream(long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, _left);
            Array.Clear(buffer, offset, n);
            _left -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    // A multipart body that declares a length over the limit; the API answers from the header, before reading it.
    private sealed class DeclaredLengthContent : HttpContent
    {
        private readonly long _length;

        public DeclaredLengthContent(long length)
        {
            _length = length;
            Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync("--x\r\n"u8.ToArray()).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
