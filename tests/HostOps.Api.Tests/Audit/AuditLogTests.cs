using System.Net;
using System.Text.Json;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Audit;

/// <summary>
/// The audit log over a real nats-server: which requests are recorded and with what, the filters and their 400s,
/// cursor paging, the NDJSON export, admin only. Each test acts as its own token subject, so tests sharing the
/// API and its AUDIT stream read only their own entries.
/// </summary>
public sealed class AuditLogTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private const string SubmitHostname = """{"operation":{"type":"system.hostname.get"},"target_hostname":"_any"}""";
    private static readonly string Auditor = TestTokens.ForSubject("auditor", Scopes.Admin);
    private readonly string _subject = "audit-" + Guid.NewGuid().ToString("N")[..8];
    private readonly TestApi _api = shared.Api;

    [Fact]
    public async Task A_submitted_job_is_recorded_with_who_what_and_the_job_but_a_read_is_not()
    {
        var token = TestTokens.ForSubject(_subject, Scopes.Admin);
        using var submitted = await _api.Client.SendAsync(HttpMethod.Post, "/job", token, SubmitHostname);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await submitted.ReadJsonAsync()).GetProperty("job_id").GetGuid();
        using var read = await _api.Client.SendAsync(HttpMethod.Get, $"/job/{id}", token);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var deleted = await _api.Client.SendAsync(HttpMethod.Delete, $"/job/{id}", token);

        var entries = await EntriesAsync($"subject={_subject}", 2);
        entries.Select(e => e.GetProperty("method").GetString()).ShouldBe(["POST", "DELETE"]);
        var post = entries[0];
        post.EnumerateObject().Select(p => p.Name).Except(["client_address"]).ShouldBe(
            ["time", "subject", "roles", "method", "path", "target", "job_id", "code", "duration_ms"]);
        post.GetProperty("subject").GetString().ShouldBe(_subject);
        post.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Scopes.Admin]);
        post.GetProperty("path").GetString().ShouldBe("/job");
        post.GetProperty("target").GetString().ShouldBe("_any");
        post.GetProperty("job_id").GetGuid().ShouldBe(id);
        post.GetProperty("code").GetInt32().ShouldBe(201);
        post.GetProperty("duration_ms").GetDouble().ShouldBeGreaterThan(0);
        entries[1].GetProperty("job_id").GetGuid().ShouldBe(id, "the job a DELETE named in its route");
        entries[1].GetProperty("code").GetInt32().ShouldBe((int)deleted.StatusCode);
    }

    [Fact]
    public async Task A_node_operation_is_recorded_with_its_target_and_job()
    {
        var token = TestTokens.ForSubject(_subject, Scopes.Admin);
        using var changed = await _api.Client.SendAsync(HttpMethod.Put, $"/system/hostname?target_hostname={_api.AgentHostname}", token, """{"name":"web-01","dry_run":true}""");
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var entry = (await EntriesAsync($"subject={_subject}", 1)).Single();
        entry.GetProperty("path").GetString().ShouldBe("/system/hostname");
        entry.GetProperty("target").GetString().ShouldBe(_api.AgentHostname);
        entry.TryGetProperty("job_id", out var job).ShouldBeTrue();
        job.GetGuid().ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Refused_requests_are_recorded_a_forbidden_one_with_its_subject()
    {
        var marker = "/job/" + Guid.NewGuid();
        using var anonymous = await _api.Client.SendAsync(HttpMethod.Get, marker);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var forbidden = await _api.Client.SendAsync(HttpMethod.Post, "/job", TestTokens.ForSubject(_subject, Scopes.Read), SubmitHostname);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var unauthorized = await EntriesAsync($"code=401&path={marker}", 1);
        unauthorized[0].GetProperty("method").GetString().ShouldBe("GET");
        unauthorized[0].TryGetProperty("subject", out _).ShouldBeFalse("no valid token, no subject");
        var refused = await EntriesAsync($"subject={_subject}&code=403", 1);
        refused[0].GetProperty("path").GetString().ShouldBe("/job");
        refused[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Scopes.Read]);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_gap_or_duplicate_and_the_last_says_null()
    {
        var token = TestTokens.ForSubject(_subject, Scopes.Admin);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            using var submitted = await _api.Client.SendAsync(HttpMethod.Post, "/job", token, SubmitHostname);
            ids.Add((await submitted.ReadJsonAsync()).GetProperty("job_id").GetGuid());
        }

        await EntriesAsync($"subject={_subject}", 5);
        var seen = new List<Guid>();
        var pages = 0;
        string? cursor = null;
        do
        {
            using var answer = await _api.Client.SendAsync(HttpMethod.Get, $"/audit?subject={_subject}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"), Auditor);
            answer.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await answer.ReadJsonAsync();
            page.EnumerateObject().Select(p => p.Name).ShouldBe(["items", "next"]);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("job_id").GetGuid()));
            cursor = page.GetProperty("next").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        seen.ShouldBe(ids, "oldest first, every entry once");
    }

    [Fact]
    public async Task Since_and_until_bound_the_entries_in_time()
    {
        var token = TestTokens.ForSubject(_subject, Scopes.Admin);
        using (await _api.Client.SendAsync(HttpMethod.Post, "/job", token, SubmitHostname))
        {
        }

        var first = (await EntriesAsync($"subject={_subject}", 1))[0].GetProperty("time").GetDateTimeOffset();
        var after = Uri.EscapeDataString(first.AddMilliseconds(1).ToString("O"));
        using (await _api.Client.SendAsync(HttpMethod.Post, "/job", token, SubmitHostname))
        {
        }

        await EntriesAsync($"subject={_subject}", 2);
        (await EntriesAsync($"subject={_subject}&since={after}", 1)).Count.ShouldBe(1);
        (await EntriesAsync($"subject={_subject}&until={after}", 1)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_export_is_every_matching_entry_as_one_json_object_per_line()
    {
        var token = TestTokens.ForSubject(_subject, Scopes.Admin);
        for (var i = 0; i < 3; i++)
        {
            using var submitted = await _api.Client.SendAsync(HttpMethod.Post, "/job", token, SubmitHostname);
        }

        await EntriesAsync($"subject={_subject}", 3);
        using var export = await _api.Client.SendAsync(HttpMethod.Get, $"/audit/export?subject={_subject}", Auditor);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        var lines = (await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("subject").GetString()).ShouldAllBe(s => s == _subject);
    }

    [Theory]
    [InlineData("code=99", "code")]
    [InlineData("code=abc", "code")]
    [InlineData("path=job", "path")]
    [InlineData("since=2026-11-30T12:00:00", "since")]
    [InlineData("until=yesterday", "until")]
    [InlineData("since=2026-11-30T12:00:00Z&until=2026-11-29T12:00:00Z", "until")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    public async Task A_bad_filter_is_400_naming_it(string query, string field)
    {
        using var answer = await _api.Client.SendAsync(HttpMethod.Get, $"/audit?{query}", Auditor);
        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await answer.ReadErrorAsync()).Details!.ShouldStartWith(field);
    }

    [Fact]
    public async Task The_log_is_for_admins_only()
    {
        using var read = await _api.Client.SendAsync(HttpMethod.Get, "/audit", TestTokens.ForRole(Scopes.Read));
        read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var write = await _api.Client.SendAsync(HttpMethod.Get, "/audit/export", TestTokens.ForRole(Scopes.Write));
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_deleted_audit_stream_is_made_again_and_no_entry_is_lost()
    {
        var token = TestTokens.ForSubject(_subject, Scopes.Admin);
        using (await _api.Client.SendAsync(HttpMethod.Post, "/job", token, SubmitHostname))
        {
        }

        await EntriesAsync($"subject={_subject}", 1);
        await using (var connection = new NATS.Client.Core.NatsConnection(new NATS.Client.Core.NatsOpts { Url = shared.Nats.Url }))
        {
            await new NATS.Client.JetStream.NatsJSContext(connection).DeleteStreamAsync("AUDIT", TestContext.Current.CancellationToken);
        }

        using (await _api.Client.SendAsync(HttpMethod.Post, "/job", token, SubmitHostname))
        {
        }

        (await EntriesAsync($"subject={_subject}", 1)).Single().GetProperty("method").GetString().ShouldBe("POST");
    }

    private async Task<List<JsonElement>> EntriesAsync(string query, int atLeast) =>
        await Eventually.GetAsync(
            async () =>
            {
                using var answer = await _api.Client.SendAsync(HttpMethod.Get, $"/audit?{query}", Auditor);
                answer.StatusCode.ShouldBe(HttpStatusCode.OK);
                return (await answer.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
            },
            items => items.Count >= atLeast,
            what: $"{atLeast} audit entries for {query}");
}
