using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;
using HostOps.Testing.Jobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Api.Tests.Errors;

/// <summary>Request bodies over 64 KiB are refused with 413 and the error body, whether their length is declared or chunked.</summary>
public sealed class RequestBodyLimitTests(SharedApiWithoutAgent shared) : IClassFixture<SharedApiWithoutAgent>
{
    private const int Limit = 64 * 1024;
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);
    private readonly TestApi _api = shared.Api;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_64_KiB_is_413_with_the_error_body(bool chunked)
    {
        using var response = await PostJobAsync(_api.Client, Limit + 1, chunked);

        await ShouldBeTooLargeAsync(response);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_of_64_KiB_gets_through(bool chunked)
    {
        using var response = await PostJobAsync(_api.Client, Limit, chunked);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Kestrel_refuses_it_too(bool chunked)
    {
        var configuration = TestJobConfiguration.Create(shared.Nats.Url, new Dictionary<string, string?>
        {
            ["api:server:port"] = "0",
            ["api:server:security:signing_key"] = TestTokens.SigningKey,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await using var app = ApiServer.Build(ApiServer.CreateBuilder(configuration));
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using (var response = await PostJobAsync(client, Limit * 4, chunked))
        {
            await ShouldBeTooLargeAsync(response);
        }

        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    private static async Task ShouldBeTooLargeAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var error = await response.ReadErrorAsync();
        error.Code.ShouldBe(413);
        error.Error.ShouldBe("Request body too large");
        error.Details.ShouldBe("body: larger than the 64KiB limit");
    }

    /// <summary>A valid job submission padded with an ignored property to exactly <paramref name="size"/> bytes.</summary>
    private static async Task<HttpResponseMessage> PostJobAsync(HttpClient client, int size, bool chunked)
    {
        const string Head = """{"operation":{"type":"system.hostname.get"},"pad":""";
        const string Tail = "\"}";
        var json = Head + "\"" + new string('x', size - Head.Length - Tail.Length - 1) + Tail;
        var bytes = Encoding.UTF8.GetBytes(json);
        bytes.Length.ShouldBe(size);
        HttpContent content = chunked ? new ChunkedContent(bytes) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/job") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Admin);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Content of unknown length, so it is sent with <c>Transfer-Encoding: chunked</c> and no <c>Content-Length</c>.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += 4096)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(4096, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
