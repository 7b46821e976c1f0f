using HostOps.Api.Tests.Infrastructure;
using HostOps.Client;
using HostOps.Contracts.Security;
using HostOps.Testing.Nats;

namespace HostOps.Api.Tests.Files;

/// <summary>A store that never held a file lists none at once (NATS.Net's listing alone would wait for a first one).</summary>
public sealed class EmptyFileStoreTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    [Fact]
    public async Task An_empty_store_lists_no_files()
    {
        await using var api = await TestApi.StartAsync(nats.Url, withAgent: false);
        using var client = new HostOpsApiClient(api.Client, TestTokens.ForRole(Scopes.Read));

        (await client.ListFilesAsync(TestContext.Current.CancellationToken)).Files.ShouldBeEmpty();
    }
}
