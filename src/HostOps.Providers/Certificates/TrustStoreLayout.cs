namespace HostOps.Providers.Certificates;

/// <summary>
/// Where a distribution takes local CAs and how it rebuilds its store from them: Debian and Ubuntu read
/// <c>/usr/local/share/ca-certificates/*.crt</c> (<c>update-ca-certificates</c>, which also drops the links of removed
/// files); RHEL, Fedora and SUSE-like p11-kit systems read <c>/etc/pki/ca-trust/source/anchors</c>
/// (<c>update-ca-trust extract</c>). Found by which directory exists, the RHEL one first.
/// </summary>
internal sealed record TrustStoreLayout(string Directory, string Extension, string Tool, IReadOnlyList<string> ToolArguments)
{
    public const string FilePrefix = "hostops-";

    public static readonly TrustStoreLayout Debian = new("/usr/local/share/ca-certificates", ".crt", "update-ca-certificates", []);

    public static readonly TrustStoreLayout Rhel = new("/etc/pki/ca-trust/source/anchors", ".pem", "update-ca-trust", ["extract"]);

    public string PathOf(string name) => $"{Directory}/{FilePrefix}{name}{Extension}";

    public static TrustStoreLayout Find(HostRoot root) =>
        global::System.IO.Directory.Exists(root.Resolve(Rhel.Directory)) ? Rhel
        : global::System.IO.Directory.Exists(root.Resolve(Debian.Directory)) ? Debian
        : throw new HostProviderException(
            $"no system trust store on this host: neither {Debian.Directory} (package ca-certificates on Debian and Ubuntu) nor {Rhel.Directory} (RHEL, Fedora) exists");
}
