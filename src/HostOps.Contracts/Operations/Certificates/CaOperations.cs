using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Certificates;

/// <summary>Declared operations of the system trust store: list, add and remove the CAs HostOps installs.</summary>
public static class CaOperations
{
    public static readonly OperationArea Certificate = new("certificate", "Certificates", "List, add and remove trusted CA certificates in the hosts' system trust store.");

    private const string NameHelp = "The CA's name in the trust store (a-z 0-9 _ -): its file is hostops-NAME.crt";
    private const string DryRunHelp = "Answer what would change, change nothing";

    /// <summary>A self-signed EC root valid until 2126, only for the example input (its key was thrown away).</summary>
    private const string ExamplePem = """
        -----BEGIN CERTIFICATE-----
        MIIBrDCCAVGgAwIBAgIUbi4C5xs6e1Atqz8+n4i+9bDxFZgwCgYIKoZIzj0EAwIw
        IjEgMB4GA1UEAwwXSG9zdE9wcyBFeGFtcGxlIFJvb3QgQ0EwIBcNMjYxMTMwMTEy
        MDU4WhgPMjEyNjExMDYxMTIwNThaMCIxIDAeBgNVBAMMF0hvc3RPcHMgRXhhbXBs
        ZSBSb290IENBMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEuLTx1T0GKCrf+T64
        V/U489P95LLdeB0qk0TtoKO7uj8fS+FGDjWP33NITn3t/lUegRoZoCShoRL2DmgE
        ovkB9KNjMGEwHQYDVR0OBBYEFEtskAIb0ze78/oaMHJ2q61OVd/3MB8GA1UdIwQY
        MBaAFEtskAIb0ze78/oaMHJ2q61OVd/3MA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0P
        AQH/BAQDAgEGMAoGCCqGSM49BAMCA0kAMEYCIQCzWEm8TFMl0JC+3bPQZl9vi8o2
        9PF6jrZXpvUBUGcE3gIhAOPxyrUyQHYskrUR0tQXBPhyyNs4Zs34RBsulz+Gp8Zk
        -----END CERTIFICATE-----

        """;

    /// <summary><c>GET /certificate/ca</c>: the CAs HostOps installed.</summary>
    public static readonly Operation<NoInput, CaListResult> List = new()
    {
        Type = "certificate.ca.list.get",
        Area = Certificate,
        Method = "GET",
        Route = "/certificate/ca",
        Verb = ["ca", "list"],
        Summary = "List the CA certificates HostOps installed in the trust store of each targeted host.",
        Scope = Scopes.Read,
        Input = CaJsonContext.Default.NoInput,
        Result = CaJsonContext.Default.CaListResult,
        Results = CaJsonContext.Default.NodeResultsCaListResult,
        Example = new NoInput(),
        Examples = ["hostops client certificate ca list --target _all"],
    };

    /// <summary><c>POST /certificate/ca</c>: installs a CA and refreshes the trust store, unless it is already there.</summary>
    public static readonly Operation<CaAddRequest, CaResult> Add = new()
    {
        Type = "certificate.ca.add.do",
        Area = Certificate,
        Method = "POST",
        Route = "/certificate/ca",
        Verb = ["ca", "add"],
        Arguments = ["name", "pem"],
        FileArguments = ["pem"],
        Summary = "Add a CA certificate to the system trust store of each targeted host.",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = CaJsonContext.Default.CaAddRequest,
        Result = CaJsonContext.Default.CaResult,
        Results = CaJsonContext.Default.NodeResultsCaResult,
        Example = new CaAddRequest { Name = "corp-root", Pem = ExamplePem, DryRun = true },
        Validate = request => CaRules.Name("name", request.Name) ?? CaRules.Pem("pem", request.Pem, DateTimeOffset.UtcNow),
        Help = new Dictionary<string, string>
        {
            ["name"] = NameHelp,
            ["pem"] = "The CA certificate, PEM; a CA (basic constraints CA:TRUE, or self-signed) that has not expired (the CLI reads it from a file)",
            [ChangeRequest.DryRunField] = DryRunHelp,
        },
        Examples = ["hostops client certificate ca add corp-root ./corp-root.pem --target _all"],
    };

    /// <summary><c>DELETE /certificate/ca/{name}</c>: removes a CA HostOps installed and refreshes the trust store.</summary>
    public static readonly Operation<CaRemoveRequest, CaResult> Remove = new()
    {
        Type = "certificate.ca.remove.do",
        Area = Certificate,
        Method = "DELETE",
        Route = "/certificate/ca/{name}",
        Verb = ["ca", "remove"],
        Summary = "Remove a HostOps-installed CA certificate from the system trust store of each targeted host.",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = CaJsonContext.Default.CaRemoveRequest,
        Result = CaJsonContext.Default.CaResult,
        Results = CaJsonContext.Default.NodeResultsCaResult,
        Example = new CaRemoveRequest { Name = "corp-root", DryRun = true },
        Validate = request => CaRules.Name("name", request.Name),
        Help = new Dictionary<string, string> { ["name"] = NameHelp, [ChangeRequest.DryRunField] = DryRunHelp },
        Examples = ["hostops client certificate ca remove corp-root --target _all"],
    };
}
