using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HostOps.Contracts.Errors;
using HostOps.Contracts.Json;

namespace HostOps.Api.Tests.Infrastructure;

internal static class ApiRequests
{
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path, string? token = null, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<ErrorBody> ReadErrorAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", text);
        return JsonSerializer.Deserialize(text, HostOpsJsonContext.Default.ErrorBody) ?? throw new InvalidOperationException("empty body");
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
