using HostOps.Contracts.Security;

namespace HostOps.Contracts.Operations.Files;

/// <summary>
/// Declared operations on the files of hosts (<c>/fs</c>) and the deploy of a stored file (<c>/file/{name}/deploy</c>).
/// Every path is checked twice: here (absolute, normalised) and on the agent against <c>job.worker.files.allow</c>.
/// </summary>
public static class FileOperations
{
    public static readonly OperationArea Fs = new("fs", "Files on hosts", "Read, write and delete files on hosts.");

    public static readonly OperationArea Store = new("file", "File store", "Upload files once and deploy them to hosts.");

    private const string PathHelp = "Absolute, normalised path under one of the agent's job.worker.files.allow directories";
    private const string ModeHelp = "Octal mode, like 0644 (default: kept, or 0644 for a new file)";
    private const string OwnerHelp = "Owner: user name or uid (default: kept, or the agent's user for a new file)";
    private const string GroupHelp = "Group: name or gid (default: kept, or the agent's group for a new file)";
    private const string DryRunHelp = "Answer what would change, change nothing";

    /// <summary><c>GET /fs/stat?path=</c>: what a path is, its metadata and sha256.</summary>
    public static readonly Operation<FilePathRequest, FileStatResult> Stat = new()
    {
        Type = "fs.stat.get",
        Area = Fs,
        Method = "GET",
        Route = "/fs/stat",
        Verb = ["stat"],
        Arguments = ["path"],
        Summary = "Show whether a path exists on each targeted host, its type, mode, owner, group, size and sha256.",
        Scope = Scopes.Read,
        Input = FileJsonContext.Default.FilePathRequest,
        Result = FileJsonContext.Default.FileStatResult,
        Results = FileJsonContext.Default.NodeResultsFileStatResult,
        Example = new FilePathRequest { Path = "/etc/hostops/app.conf" },
        Validate = request => FileRules.HostPath("path", request.Path),
        Help = new Dictionary<string, string> { ["path"] = PathHelp },
        Examples = ["hostops client fs stat /etc/motd --target _all"],
    };

    /// <summary><c>GET /fs/content?path=</c>: a file's content (base64, up to <see cref="FileRules.MaxReadBytes"/>).</summary>
    public static readonly Operation<FilePathRequest, FileContentResult> Content = new()
    {
        Type = "fs.content.get",
        Area = Fs,
        Method = "GET",
        Route = "/fs/content",
        Verb = ["cat"],
        Arguments = ["path"],
        Summary = "Read a file of each targeted host (base64 content, up to 512 KiB) with its sha256.",
        Scope = Scopes.Read,
        Input = FileJsonContext.Default.FilePathRequest,
        Result = FileJsonContext.Default.FileContentResult,
        Results = FileJsonContext.Default.NodeResultsFileContentResult,
        Example = new FilePathRequest { Path = "/etc/hostops/app.conf" },
        Validate = request => FileRules.HostPath("path", request.Path),
        Help = new Dictionary<string, string> { ["path"] = PathHelp },
        Examples = ["hostops client fs cat /etc/motd --target web-01"],
    };

    /// <summary><c>PUT /fs/content</c>: writes a file atomically from inline content or a stored file.</summary>
    public static readonly Operation<FileWriteRequest, FileWriteResult> Write = new()
    {
        Type = "fs.content.set",
        Area = Fs,
        Method = "PUT",
        Route = "/fs/content",
        Verb = ["write"],
        Arguments = ["path"],
        Summary = "Write a file on each targeted host atomically, from inline content or a stored file (nothing to do when content and metadata match).",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = FileJsonContext.Default.FileWriteRequest,
        Result = FileJsonContext.Default.FileWriteResult,
        Results = FileJsonContext.Default.NodeResultsFileWriteResult,
        Example = new FileWriteRequest { Path = "/etc/hostops/app.conf", Content = "port = 8080\n", Mode = "0644", DryRun = true },
        Validate = request => FileRules.HostPath("path", request.Path) ?? FileRules.Content(request) ?? Metadata(request.Mode, request.Owner, request.Group),
        Help = new Dictionary<string, string>
        {
            ["path"] = PathHelp,
            ["content"] = "The content inline (the request stays under 64 KiB; use file for more)",
            ["encoding"] = "How content is written: utf-8 (default) or base64",
            ["file"] = "A stored file's name (POST /file) instead of content",
            ["mode"] = ModeHelp,
            ["owner"] = OwnerHelp,
            ["group"] = GroupHelp,
            [ChangeRequest.DryRunField] = DryRunHelp,
        },
        Examples =
        [
            "hostops client fs write /etc/motd --content 'Welcome' --mode 0644 --target _all",
            "hostops client fs write /opt/app/app.tar --file app.tar --owner app --group app -t group:web",
        ],
    };

    /// <summary><c>DELETE /fs?path=</c>: removes a file.</summary>
    public static readonly Operation<FileDeleteRequest, FileDeleteResult> Delete = new()
    {
        Type = "fs.delete.do",
        Area = Fs,
        Method = "DELETE",
        Route = "/fs",
        Verb = ["delete"],
        Arguments = ["path"],
        Summary = "Delete a file on each targeted host (nothing to do when it does not exist).",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = FileJsonContext.Default.FileDeleteRequest,
        Result = FileJsonContext.Default.FileDeleteResult,
        Results = FileJsonContext.Default.NodeResultsFileDeleteResult,
        Example = new FileDeleteRequest { Path = "/etc/hostops/app.conf", DryRun = true },
        Validate = request => FileRules.HostPath("path", request.Path),
        Help = new Dictionary<string, string> { ["path"] = PathHelp, [ChangeRequest.DryRunField] = DryRunHelp },
        Examples = ["hostops client fs delete /etc/motd.old --target web-01"],
    };

    /// <summary><c>POST /file/{name}/deploy</c>: writes a stored file on each host, sha256-checked before the rename.</summary>
    public static readonly Operation<FileDeployRequest, FileWriteResult> Deploy = new()
    {
        Type = "file.deploy.do",
        Area = Store,
        Method = "POST",
        Route = "/file/{name}/deploy",
        Verb = ["deploy"],
        Arguments = ["name", "path"],
        Summary = "Deploy a stored file to a path on each targeted host; each host checks its sha256 before the atomic rename.",
        Scope = Scopes.Write,
        ChangesHost = true,
        Input = FileJsonContext.Default.FileDeployRequest,
        Result = FileJsonContext.Default.FileWriteResult,
        Results = FileJsonContext.Default.NodeResultsFileWriteResult,
        Example = new FileDeployRequest { Name = "app.conf", Path = "/etc/hostops/app.conf", Mode = "0644", DryRun = true },
        Validate = request => FileRules.StoredName("name", request.Name) ?? FileRules.HostPath("path", request.Path) ?? Metadata(request.Mode, request.Owner, request.Group),
        Help = new Dictionary<string, string>
        {
            ["name"] = "The stored file's name (POST /file)",
            ["path"] = PathHelp,
            ["mode"] = ModeHelp,
            ["owner"] = OwnerHelp,
            ["group"] = GroupHelp,
            [ChangeRequest.DryRunField] = DryRunHelp,
        },
        Examples = ["hostops client file deploy app.conf /etc/app/app.conf --mode 0640 --owner root --group app -t group:web"],
    };

    private static string? Metadata(string? mode, string? owner, string? group) =>
        FileRules.Mode("mode", mode) ?? FileRules.Account("owner", owner) ?? FileRules.Account("group", group);
}
