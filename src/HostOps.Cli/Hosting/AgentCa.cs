using System.Security.Cryptography.X509Certificates;
using HostOps.Cli.Configuration;
using HostOps.Client.Tls;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Security;
using HostOps.Nats.Auth;

namespace HostOps.Cli.Hosting;

/// <summary>
/// The CAs an agent on another host trusts, for the API's HTTPS and for NATS's TLS, kept in its
/// <c>&lt;data_dir&gt;/tls/ca.pem</c>. A join token pins one CA by its SHA-256 fingerprint: the agent fetches the CA
/// bundle once without trusting it (<c>GET /agent/ca</c> carries no secret), keeps only the certificate with that
/// fingerprint, and verifies the API against that CA alone for the enrollment and everything after. The bundle it
/// then keeps is fetched over that verified connection, and fetched again at every start and periodically, so a CA
/// added for a rotation reaches it.
/// </summary>
internal static class AgentCa
{
    /// <summary>How often a running agent fetches the bundle again.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The CAs to verify an HTTPS API with: the CA the token pins; else the bundle kept here; else
    /// <c>api.client.ca_file</c>. Null for a plain HTTP API, or when only the system's roots apply.
    /// </summary>
    public static async Task<X509Certificate2Collection?> RootsAsync(string dataDir, string api, JoinToken? token, string clientCaFile, CancellationToken cancellationToken)
    {
        if (!IsHttps(api))
        {
            return null;
        }

        if (token?.CaSha256 is { Length: > 0 } fingerprint)
        {
            return [await PinnedAsync(api, fingerprint, cancellationToken)];
        }

        var kept = CaBundle.Load(CaBundle.PathIn(dataDir));
        return kept.Count > 0 ? kept : clientCaFile.Length > 0 ? CaBundle.Load(clientCaFile) : null;
    }

    /// <summary>A client of the API that verifies it against <paramref name="roots"/> alone (the system's roots when null).</summary>
    public static HttpClient Client(string api, X509Certificate2Collection? roots) =>
        new(roots is null ? new SocketsHttpHandler() : CaTrust.Handler(roots, alsoSystemRoots: false), disposeHandler: true)
        {
            BaseAddress = new Uri(api.EndsWith('/') ? api : api + "/"),
            Timeout = TimeSpan.FromSeconds(10),
        };

    /// <summary>
    /// Fetches the bundle through <paramref name="http"/> and keeps it when it is authentic: over verified HTTPS, and
    /// holding the pinned CA when there is one. Returns the kept file ("" when there is none). When
    /// <paramref name="required"/> is false (a start with a saved enrollment), an unreachable API keeps the file as it is.
    /// </summary>
    public static async Task<string> RefreshAsync(HttpClient http, string dataDir, string? pinned, bool required, CancellationToken cancellationToken)
    {
        var path = CaBundle.PathIn(dataDir);
        var kept = File.Exists(path) ? path : "";
        if (!IsHttps(http.BaseAddress!.ToString()) && pinned is null)
        {
            return kept; // plain HTTP, nothing pinned: nothing to authenticate a bundle with
        }

        string pem;
        try
        {
            using var response = await http.GetAsync("agent/ca", cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return pinned is null ? kept : throw new ConfigException($"the control plane at {http.BaseAddress} serves no CA, but the join token pins one");
            }

            response.EnsureSuccessStatusCode();
            pem = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException) when (!required)
        {
            return kept;
        }

        var bundle = CaBundle.Parse(pem);
        if (bundle.Count == 0 || (pinned is not null && !CaBundle.Contains(bundle, pinned)))
        {
            throw new ConfigException($"the CA offered by {http.BaseAddress} does not match the fingerprint in the join token; not trusting it");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path) || File.ReadAllText(path) != CaBundle.ToPem(bundle))
        {
            NkeySeedFile.WritePrivate(path, CaBundle.ToPem(bundle));
        }

        return path;
    }

    // The pinned CA out of the bundle the API offers. Fetched without trusting the connection, as kubeadm's discovery
    // does: the bundle is public, the request carries nothing secret, and only a certificate whose SHA-256 is the
    // pinned one is taken from the answer; the enrollment that follows trusts nothing but that certificate.
    private static async Task<X509Certificate2> PinnedAsync(string api, string fingerprint, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler();
#pragma warning disable CA5359 // the answer is authenticated by the pinned fingerprint, not by the connection
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(api.EndsWith('/') ? api : api + "/"), Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync("agent/ca", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new ConfigException($"the control plane at {api} serves no CA, but the join token pins one");
        }

        response.EnsureSuccessStatusCode(); // anything else (503 while NATS starts): asked again
        var pem = await response.Content.ReadAsStringAsync(cancellationToken);
        return CaBundle.Parse(pem).FirstOrDefault(c => CaBundle.Fingerprint(c).Equals(fingerprint, StringComparison.OrdinalIgnoreCase))
            ?? throw new ConfigException($"the CA offered by {api} does not match the fingerprint in the join token; not trusting it");
    }

    private static bool IsHttps(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
