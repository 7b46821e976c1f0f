using System.Security.Cryptography.X509Certificates;
using HostOps.Contracts.Operations.Certificates;
using HostOps.Providers.Commands;

namespace HostOps.Providers.Certificates;

/// <summary>
/// The CAs HostOps adds to the system trust store: one file per CA, named <c>hostops-NAME</c>, in the directory the
/// distribution reads local CAs from, then the store rebuilt by its tool (see <see cref="TrustStoreLayout"/>). A CA
/// whose file already holds the same certificate is not written again (<c>changed: false</c>); a dry run writes and
/// runs nothing; a change needs <see cref="HostChangeGuard"/>. CAs that HostOps did not add are never touched.
/// </summary>
[HostProvider]
public sealed class TrustStore(HostRoot root, ICommandRunner runner, HostChangeGuard guard)
{
    public IReadOnlyList<TrustedCa> List()
    {
        var layout = TrustStoreLayout.Find(root);
        var directory = root.Resolve(layout.Directory);
        return [.. Directory.EnumerateFiles(directory, $"{TrustStoreLayout.FilePrefix}*{layout.Extension}")
            .Select(f => Path.GetFileName(f)[TrustStoreLayout.FilePrefix.Length..^layout.Extension.Length])
            .Where(name => CaRules.Name("name", name) is null)
            .Select(name => Describe(name, HostFile.ReadAllText(root, layout.PathOf(name))))
            .OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public async Task<CaChange> AddAsync(string name, string pem, bool dryRun, CancellationToken cancellationToken)
    {
        var layout = TrustStoreLayout.Find(root);
        using var certificate = CaRules.TryRead(pem, out var why) ?? throw new HostProviderException($"pem: is not a valid PEM certificate ({why})");
        var wanted = Describe(name, certificate);
        var present = HostFile.ReadIfExists(root, layout.PathOf(name));
        if (present is not null && Describe(name, present).Sha256 == wanted.Sha256)
        {
            return new CaChange(wanted, false);
        }

        if (!dryRun)
        {
            guard.EnsureAllowed($"adding the CA {name} to the trust store");
            HostFile.WriteAtomically(root, layout.PathOf(name), certificate.ExportCertificatePem() + "\n", HostFile.Readable);
            await RebuildAsync(layout, cancellationToken);
        }

        return new CaChange(wanted, true);
    }

    public async Task<CaChange> RemoveAsync(string name, bool dryRun, CancellationToken cancellationToken)
    {
        var layout = TrustStoreLayout.Find(root);
        var present = HostFile.ReadIfExists(root, layout.PathOf(name));
        if (present is null)
        {
            return new CaChange(new TrustedCa { Name = name }, false);
        }

        if (!dryRun)
        {
            guard.EnsureAllowed($"removing the CA {name} from the trust store");
            HostFile.Delete(root, layout.PathOf(name));
            await RebuildAsync(layout, cancellationToken);
        }

        return new CaChange(Describe(name, present), true);
    }

    private async Task RebuildAsync(TrustStoreLayout layout, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(layout.Tool, layout.ToolArguments, cancellationToken);
        if (!result.Succeeded)
        {
            throw new HostProviderException($"{layout.Tool} failed: {result.Reason}");
        }
    }

    private static TrustedCa Describe(string name, string pem)
    {
        using var certificate = CaRules.TryRead(pem, out _);
        return certificate is null ? new TrustedCa { Name = name } : Describe(name, certificate);
    }

    private static TrustedCa Describe(string name, X509Certificate2 certificate) => new()
    {
        Name = name,
        Subject = certificate.Subject,
        NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
        Sha256 = CaRules.Sha256(certificate),
    };
}

/// <summary>A CA after an add or a remove (or as it would be after a dry run); <paramref name="Changed"/> is false when nothing needed doing.</summary>
public sealed record CaChange(TrustedCa Ca, bool Changed);
