using System.Net;
using System.Text.Json;
using HostOps.Api.Tests.Infrastructure;
using HostOps.Contracts.Security;

namespace HostOps.Api.Tests.Operations;

/// <summary>The user, SSH key and group endpoints beyond what every declared operation gets: input rules, the admin scope, the password never stored.</summary>
public sealed class UserOperationTests(SharedApi shared) : IClassFixture<SharedApi>
{
    private const string Plaintext = "p4ss-never-stored";
    private static readonly string Reader = TestTokens.ForRole(Scopes.Read);
    private static readonly string Writer = TestTokens.ForRole(Scopes.Write);
    private static readonly string Admin = TestTokens.ForRole(Scopes.Admin);
    private TestApi _api = shared.Api;

    // One API for every case (each start costs seconds): method, path, body, the start of the 400's details.
    private static readonly (string Method, string Path, string? Body, string Details)[] BadInputs =
    [
        ("GET", "/user?name=root", null, "name: unknown query parameter"),
        ("GET", "/user/-r", null, "name: '-r' is not a valid user or group name"),
        ("GET", "/user/Root", null, "name: 'Root' is not a valid user or group name"),
        ("POST", "/user", """{"shell":"/bin/sh"}""", "name: is required"),
        ("POST", "/user", """{"name":"deploy","home":"home/deploy"}""", "home: 'home/deploy' is not an absolute path"),
        ("POST", "/user", """{"name":"deploy","uid":"x"}""", "uid: has the wrong type"),
        ("PUT", "/user/deploy", """{"shell":"/bin/sh:/x"}""", "shell: '/bin/sh:/x' is not an absolute path"),
        ("PUT", "/user/deploy", """{"groups":["adm","a;b"]}""", "groups[1]: 'a;b' is not a valid user or group name"),
        ("PUT", "/user/deploy", """{"comment":"a:b"}""", "comment: is longer than 255 characters or holds ':'"),
        ("DELETE", "/user/deploy?remove_home=maybe", null, "remove_home: 'maybe' is not true or false"),
        ("DELETE", "/user/a%20b", null, "name: 'a b' is not a valid user or group name"),
        ("PUT", "/user/deploy/password", "{}", "password: give either password or hash (not both)"),
        ("PUT", "/user/deploy/password", """{"hash":"$1$abc$def"}""", "hash: is not a crypt hash"),
        ("PUT", "/user/deploy/password", """{"password":"a\nb"}""", "password: must be 1-1024 characters"),
        ("GET", "/user/-x/ssh-key", null, "name: '-x' is not a valid user or group name"),
        ("POST", "/user/deploy/ssh-key", """{"key":"ssh-ed25519 AAAA x"}""", "key: the key's data is not an OpenSSH key blob"),
        ("POST", "/user/deploy/ssh-key", """{"key":"no-pty ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILfknQiJ6L+c28TuhOALNSsI0mVILLyQzuu0LYF1GEvR"}""", "key: is not an OpenSSH public key"),
        ("POST", "/user/deploy/ssh-key", "{}", "key: is required"),
        ("DELETE", "/user/deploy/ssh-key/MD5:16:27", null, "fingerprint: 'MD5:16:27' is not a SHA256 fingerprint"),
        ("GET", "/group/-x", null, "name: '-x' is not a valid user or group name"),
        ("POST", "/group", """{"name":"deployers","members":["ok","-x"]}""", "members[1]: '-x' is not a valid user or group name"),
        ("PUT", "/group/adm", """{"gid":-5}""", "gid: -5 is out of range"),
        ("DELETE", "/group/A", null, "name: 'A' is not a valid user or group name"),
    ];

    [Fact]
    public async Task Bad_input_is_400_naming_the_field_and_no_job_is_stored()
    {
        var before = await JobCountAsync();

        foreach (var (method, path, body, details) in BadInputs)
        {
            using var response = await _api.Client.SendAsync(new HttpMethod(method), path, Admin, body);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{method} {path}");
            (await response.ReadErrorAsync()).Details.ShouldNotBeNull().ShouldStartWith(details, customMessage: $"{method} {path}");
        }

        (await JobCountAsync()).ShouldBe(before);
    }

    private static readonly (string Method, string Path, string? Body)[] Changes =
    [
        ("POST", "/user", """{"name":"deploy"}"""),
        ("PUT", "/user/deploy/password", """{"hash":"$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5"}"""),
        ("POST", "/user/deploy/ssh-key", """{"key":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILfknQiJ6L+c28TuhOALNSsI0mVILLyQzuu0LYF1GEvR"}"""),
        ("DELETE", "/group/deployers", null),
    ];

    [Fact]
    public async Task Changes_need_an_admin_token_and_reads_a_read_token()
    {
        foreach (var (method, path, body) in Changes)
        {
            using var reader = await _api.Client.SendAsync(new HttpMethod(method), path, Reader, body);
            using var writer = await _api.Client.SendAsync(new HttpMethod(method), path, Writer, body);
            using var admin = await _api.Client.SendAsync(new HttpMethod(method), path, Admin, body);

            reader.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            writer.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            admin.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }

        foreach (var path in new[] { "/user", "/user/root", "/user/root/ssh-key", "/group", "/group/root" })
        {
            using var response = await _api.Client.SendAsync(HttpMethod.Get, path, Reader);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task A_plaintext_password_is_stored_only_as_its_sha512_crypt_hash_by_the_endpoint_and_post_job()
    {
        // Reads every stored password job back: a job system of its own, not the class's.
        await using var own = await TestApi.StartAsync(shared.Nats.Url);
        _api = own;
        using var endpoint = await _api.Client.SendAsync(HttpMethod.Put, "/user/deploy/password", Admin, $$"""{"password":"{{Plaintext}}"}""");
        var submitted = "{\"operation\":{\"type\":\"user.password.set\",\"data\":{\"name\":\"deploy\",\"password\":\"" + Plaintext + "\",\"dry_run\":true}}}";
        using var job = await _api.Client.SendAsync(HttpMethod.Post, "/job", Admin, submitted);

        endpoint.StatusCode.ShouldBe(HttpStatusCode.OK);
        job.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await endpoint.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain(Plaintext);
        using var jobs = await _api.Client.SendAsync(HttpMethod.Get, "/job?limit=100", Reader);
        var stored = await jobs.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        stored.ShouldNotContain(Plaintext);
        jobs.StatusCode.ShouldBe(HttpStatusCode.OK, stored);
        var hashes = JsonDocument.Parse(stored).RootElement.GetProperty("items").EnumerateArray()
            .Select(j => j.GetProperty("operation"))
            .Where(o => o.GetProperty("type").GetString() == "user.password.set")
            .Select(o => o.GetProperty("data").GetProperty("hash").GetString())
            .ToList();
        hashes.Count.ShouldBe(2);
        hashes.ShouldAllBe(h => h!.StartsWith("$6$", StringComparison.Ordinal) && h.Length == 106);
    }

    [Fact]
    public async Task A_fingerprint_travels_url_safe_or_escaped_in_the_route()
    {
        using var urlSafe = await _api.Client.SendAsync(HttpMethod.Delete, "/user/deploy/ssh-key/SHA256:PLSOa8Tu4t2DUTapAL18BRd_bf3wDAiW6O40iloEhdU?dry_run=true", Admin);
        using var escaped = await _api.Client.SendAsync(HttpMethod.Delete, "/user/deploy/ssh-key/SHA256%3APLSOa8Tu4t2DUTapAL18BRd%2Fbf3wDAiW6O40iloEhdU?dry_run=true", Admin);

        urlSafe.StatusCode.ShouldBe(HttpStatusCode.OK);
        escaped.StatusCode.ShouldBe(HttpStatusCode.OK, await escaped.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<int> JobCountAsync()
    {
        using var response = await _api.Client.SendAsync(HttpMethod.Get, "/job/status", Reader);
        return (await response.ReadJsonAsync()).GetProperty("total_jobs").GetInt32();
    }
}
