using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Users;

/// <summary>Declared operations of local groups: list, read, create, set the members of and delete them.</summary>
public static class GroupOperations
{
    public static readonly OperationArea Group = new("group", "Groups", "List, read, create, change and delete local groups.");

    private const string NameHelp = "The group name (1-32 of a-z 0-9 _ -, starting with a letter or _)";

    private static readonly Dictionary<string, string> ChangeHelp = new()
    {
        ["name"] = NameHelp,
        ["gid"] = "The group id",
        ["members"] = "The members, by login name: exactly these (give none with an empty list in JSON)",
        [ChangeRequest.DryRunField] = "Answer what would change, change nothing",
    };

    /// <summary><c>GET /group</c>: every group of each host.</summary>
    public static readonly Operation<NoInput, GroupListResult> List = new()
    {
        Type = "group.list.get",
        Area = Group,
        Method = "GET",
        Route = "/group",
        Verb = ["list"],
        Summary = "List the local groups of each targeted host with their members.",
        Scope = Scopes.Read,
        Input = UsersJsonContext.Default.NoInput,
        Result = UsersJsonContext.Default.GroupListResult,
        Results = UsersJsonContext.Default.NodeResultsGroupListResult,
        Example = new NoInput(),
        Examples = ["hostops client group list --target _all"],
    };

    /// <summary><c>GET /group/{name}</c>: one group.</summary>
    public static readonly Operation<GroupRequest, GroupResult> Detail = new()
    {
        Type = "group.detail.get",
        Area = Group,
        Method = "GET",
        Route = "/group/{name}",
        Verb = ["show"],
        Summary = "Show one local group of each targeted host.",
        Scope = Scopes.Read,
        Input = UsersJsonContext.Default.GroupRequest,
        Result = UsersJsonContext.Default.GroupResult,
        Results = UsersJsonContext.Default.NodeResultsGroupResult,
        Example = new GroupRequest { Name = "root" },
        Validate = request => AccountRules.Name("name", request.Name),
        Help = new Dictionary<string, string> { ["name"] = NameHelp },
        Examples = ["hostops client group show sudo --target web-01"],
    };

    /// <summary><c>POST /group</c>: creates a group (groupadd), or brings an existing one to the gid and members given.</summary>
    public static readonly Operation<GroupChangeRequest, GroupResult> Create = new()
    {
        Type = "group.create.do",
        Area = Group,
        Method = "POST",
        Route = "/group",
        Verb = ["create"],
        Arguments = ["name"],
        Summary = "Create a local group on each targeted host (an existing one gets the gid and members given).",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = UsersJsonContext.Default.GroupChangeRequest,
        Result = UsersJsonContext.Default.GroupResult,
        Results = UsersJsonContext.Default.NodeResultsGroupResult,
        Example = new GroupChangeRequest { Name = "deployers", Members = ["root"], DryRun = true },
        Validate = AccountRules.GroupChange,
        Help = ChangeHelp,
        Examples = ["hostops client group create deployers --members alice --members bob --target _all"],
    };

    /// <summary><c>PUT /group/{name}</c>: sets an existing group's members (gpasswd -M) and gid (groupmod).</summary>
    public static readonly Operation<GroupChangeRequest, GroupResult> Update = new()
    {
        Type = "group.update.do",
        Area = Group,
        Method = "PUT",
        Route = "/group/{name}",
        Verb = ["update"],
        Summary = "Set the members (and gid) of a local group on each targeted host.",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = UsersJsonContext.Default.GroupChangeRequest,
        Result = UsersJsonContext.Default.GroupResult,
        Results = UsersJsonContext.Default.NodeResultsGroupResult,
        Example = new GroupChangeRequest { Name = "deployers", Members = ["root"], DryRun = true },
        Validate = AccountRules.GroupChange,
        Help = ChangeHelp,
        Examples = ["hostops client group update deployers --members alice --target web-01"],
    };

    /// <summary><c>DELETE /group/{name}</c>: removes a group (groupdel); one that does not exist is unchanged.</summary>
    public static readonly Operation<GroupDeleteRequest, GroupResult> Delete = new()
    {
        Type = "group.delete.do",
        Area = Group,
        Method = "DELETE",
        Route = "/group/{name}",
        Verb = ["delete"],
        Summary = "Delete a local group on each targeted host (nothing to do when there is none).",
        Scope = Scopes.Admin,
        ChangesHost = true,
        Input = UsersJsonContext.Default.GroupDeleteRequest,
        Result = UsersJsonContext.Default.GroupResult,
        Results = UsersJsonContext.Default.NodeResultsGroupResult,
        Example = new GroupDeleteRequest { Name = "deployers", DryRun = true },
        Validate = request => AccountRules.Name("name", request.Name),
        Help = new Dictionary<string, string>
        {
            ["name"] = NameHelp,
            [ChangeRequest.DryRunField] = "Answer what would change, change nothing",
        },
        Examples = ["hostops client group delete deployers --target _all"],
    };
}
