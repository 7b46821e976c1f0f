using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Packages;

/// <summary>
/// Declared operations of the hosts' packages, through the distribution's own tools: dpkg-query and apt-get on
/// Debian and Ubuntu, rpm and dnf on RHEL and Fedora.
/// </summary>
public static class PackageOperations
{
    public static readonly OperationArea Package = new("package", "Packages", "List, install, remove and upgrade the hosts' packages.");

    private const string NameHelp = "The package's name (A-Z a-z 0-9 + . _ -, starting with a letter or digit)";
    private const string DryRunHelp = "Answer what would change, change nothing";

    /// <summary><c>GET /package</c>: the installed packages, optionally those whose name matches a glob.</summary>
    public static readonly Operation<PackageListRequest, PackageListResult> List = new()
    {
        Type = "package.list.get",
        Area = Package,
        Method = "GET",
        Route = "/package",
        Verb = ["list"],
        Arguments = ["pattern"],
        Summary = "List the packages installed on each targeted host.",
        Scope = Scopes.Read,
        Input = PackagesJsonContext.Default.PackageListRequest,
        Result = PackagesJsonContext.Default.PackageListResult,
        Results = PackagesJsonContext.Default.NodeResultsPackageListResult,
        Example = new PackageListRequest { Pattern = "openssh*" },
        Validate = request => PackageRules.Pattern("pattern", request.Pattern),
        Help = new Dictionary<string, string>
        {
            ["pattern"] = $"Only names matching this glob (* any text, ? one character); at most {PackageRules.MaxListed} packages are listed",
        },
        Examples = ["hostops client package list --target _all", "hostops client package list 'openssh*' -t web-01"],
    };

    /// <summary><c>GET /package/{name}</c>: one package's installed version, candidate, architecture and summary.</summary>
    public static readonly Operation<PackageShowRequest, PackageShowResult> Show = new()
    {
        Type = "package.detail.get",
        Area = Package,
        Method = "GET",
        Route = "/package/{name}",
        Verb = ["show"],
        Summary = "Show whether a package is installed on each targeted host, at which version, and the version available.",
        Scope = Scopes.Read,
        Input = PackagesJsonContext.Default.PackageShowRequest,
        Result = PackagesJsonContext.Default.PackageShowResult,
        Results = PackagesJsonContext.Default.NodeResultsPackageShowResult,
        Example = new PackageShowRequest { Name = "openssh-server" },
        Validate = request => PackageRules.Name("name", request.Name),
        Help = new Dictionary<string, string> { ["name"] = NameHelp },
        Examples = ["hostops client package show openssh-server --target _all"],
    };

    /// <summary><c>POST /package</c>: installs a package (a chosen version, else the candidate) unless it already is.</summary>
    public static readonly Operation<PackageInstallRequest, PackageInstallResult> Install = new()
    {
        Type = "package.install.do",
        Area = Package,
        Method = "POST",
        Route = "/package",
        Verb = ["install"],
        Arguments = ["name"],
        Summary = "Install a package on each targeted host.",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = PackagesJsonContext.Default.PackageInstallRequest,
        Result = PackagesJsonContext.Default.PackageInstallResult,
        Results = PackagesJsonContext.Default.NodeResultsPackageInstallResult,
        Example = new PackageInstallRequest { Name = "hello", DryRun = true },
        Validate = request => PackageRules.Name("name", request.Name) ?? PackageRules.Version("version", request.Version),
        Help = new Dictionary<string, string>
        {
            ["name"] = NameHelp,
            ["version"] = "Install this version (as the package manager shows it); any version is fine when left out",
            [ChangeRequest.DryRunField] = DryRunHelp,
        },
        Examples = ["hostops client package install hello --target _all", "hostops client package install hello --version 2.10-3 -t web-01 --dry-run"],
    };

    /// <summary><c>DELETE /package/{name}</c>: removes a package (its configuration files stay) if it is installed.</summary>
    public static readonly Operation<PackageRemoveRequest, PackageRemoveResult> Remove = new()
    {
        Type = "package.remove.do",
        Area = Package,
        Method = "DELETE",
        Route = "/package/{name}",
        Verb = ["remove"],
        Summary = "Remove a package from each targeted host.",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = PackagesJsonContext.Default.PackageRemoveRequest,
        Result = PackagesJsonContext.Default.PackageRemoveResult,
        Results = PackagesJsonContext.Default.NodeResultsPackageRemoveResult,
        Example = new PackageRemoveRequest { Name = "hello", DryRun = true },
        Validate = request => PackageRules.Name("name", request.Name),
        Help = new Dictionary<string, string>
        {
            ["name"] = NameHelp,
            [ChangeRequest.DryRunField] = DryRunHelp,
        },
        Examples = ["hostops client package remove hello --target _all", "hostops client package remove hello -t web-01 --dry-run"],
    };

    /// <summary><c>GET /package/update</c>: the pending upgrades, as of the package manager's last metadata refresh.</summary>
    public static readonly Operation<NoInput, PackageUpdatesResult> Updates = new()
    {
        Type = "package.updates.get",
        Area = Package,
        Method = "GET",
        Route = "/package/update",
        Verb = ["updates"],
        Summary = "List the package upgrades pending on each targeted host.",
        Scope = Scopes.Read,
        Input = PackagesJsonContext.Default.NoInput,
        Result = PackagesJsonContext.Default.PackageUpdatesResult,
        Results = PackagesJsonContext.Default.NodeResultsPackageUpdatesResult,
        Example = new NoInput(),
        Examples = ["hostops client package updates --target _all"],
    };

    /// <summary><c>POST /package/update</c>: applies the pending upgrades, all or those of the named packages.</summary>
    public static readonly Operation<PackageUpgradeRequest, PackageUpgradeResult> Upgrade = new()
    {
        Type = "package.upgrade.do",
        Area = Package,
        Method = "POST",
        Route = "/package/update",
        Verb = ["upgrade"],
        Arguments = ["names"],
        Summary = "Apply the pending package upgrades on each targeted host.",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = PackagesJsonContext.Default.PackageUpgradeRequest,
        Result = PackagesJsonContext.Default.PackageUpgradeResult,
        Results = PackagesJsonContext.Default.NodeResultsPackageUpgradeResult,
        Example = new PackageUpgradeRequest { Names = ["openssl"], DryRun = true },
        Validate = request => PackageRules.Names("names", request.Names),
        Help = new Dictionary<string, string>
        {
            ["names"] = $"Upgrade only these packages (at most {PackageRules.MaxNames}); every pending upgrade when none is given",
            [ChangeRequest.DryRunField] = DryRunHelp,
        },
        Examples = ["hostops client package upgrade --target _all --dry-run", "hostops client package upgrade openssl libssl3 -t web-01"],
    };
}
