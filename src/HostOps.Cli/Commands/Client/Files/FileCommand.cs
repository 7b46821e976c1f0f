using System.CommandLine;
using System.Globalization;
using HostOps.Cli.Rendering;
using HostOps.Client.Http;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations.Files;
using HostOps.Contracts.Text;
using Spectre.Console;

namespace HostOps.Cli.Commands.Client.Files;

/// <summary>
/// <c>hostops client file upload|list|show|delete</c>: the file store. <c>file deploy</c>, a declared operation,
/// joins this group (<see cref="Declared.DeclaredOperationCommands"/>).
/// </summary>
internal static class FileCommand
{
    public static Command Create() =>
        new Command(FileOperations.Store.Name, FileOperations.Store.Description)
        {
            Upload(),
            List(),
            Show(),
            Delete(),
        }.WithExamples(
            "hostops client file upload ./nginx.conf",
            "hostops client file deploy nginx.conf /etc/nginx/nginx.conf --mode 0644 --target group:web",
            "hostops client file list");

    private static Command Upload()
    {
        var path = new Argument<FileInfo>("PATH") { Description = "The local file to store (up to 64 MiB)" };
        var name = new Option<string?>("--name") { Description = "Store it under this name (default: the file's own name)", HelpName = "NAME" };
        var command = new Command("upload", "Store a local file in the file store, replacing one of the same name (POST /file)") { path, name }
            .WithExamples("hostops client file upload ./motd", "hostops client file upload build/app.tar.gz --name app-1.4.tar.gz");
        command.SetRunner(async context =>
        {
            var file = context.Parse.GetValue(path)!;
            if (!file.Exists)
            {
                throw new UsageException($"PATH: {file.FullName} does not exist or is not a file");
            }

            if (file.Length > FileRules.MaxStoredBytes)
            {
                throw new UsageException($"PATH: {file.FullName} is {ByteSizeText.Format(file.Length)}, larger than the {ByteSizeText.Format(FileRules.MaxStoredBytes)} the store takes");
            }

            var stored = context.Parse.GetValue(name) ?? file.Name;
            if (FileRules.StoredName("--name", stored) is { } problem)
            {
                throw new UsageException(context.Parse.GetValue(name) is null ? $"{problem}; give one with --name" : problem);
            }

            var session = ClientSession.Open(context);
            await using var content = file.OpenRead();
            await session.ShowAsync(ApiRequest.UploadFile(stored, content), HostOpsJsonContext.Default.StoredFile, (console, answer) =>
                console.WriteLine($"Stored {answer.Name}: {Units.Bytes(answer.Size)}, sha256 {answer.Sha256}"));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every stored file with its size and sha256 (GET /file)")
            .WithExamples("hostops client file list", "hostops client file list --json");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            await session.ShowAsync(ApiRequest.ListFiles(), HostOpsJsonContext.Default.StoredFileList, (console, list) =>
            {
                var table = CliConsole.Table("Name", "Size", "Stored", "sha256");
                foreach (var file in list.Files)
                {
                    table.AddRow(new Text(file.Name), new Text(Units.Bytes(file.Size)), new Text(Units.Time(file.Modified)), new Text(file.Sha256));
                }

                console.Write(table);
                console.WriteLine($"{list.Files.Count} files");
            });
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var name = NameArgument();
        var command = new Command("show", "One stored file's size, sha256, chunks and time stored (GET /file/{name})") { name }
            .WithExamples("hostops client file show nginx.conf");
        command.SetRunner(async context =>
        {
            var session = ClientSession.Open(context);
            await session.ShowAsync(ApiRequest.GetFile(StoredName(context, name)), HostOpsJsonContext.Default.StoredFile, (console, file) =>
            {
                var table = CliConsole.Table("Field", "Value");
                table.AddRow("Name", file.Name);
                table.AddRow("Size", $"{Units.Bytes(file.Size)} ({file.Size.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
                table.AddRow("sha256", file.Sha256);
                table.AddRow("Chunks", file.Chunks.ToString(CultureInfo.InvariantCulture));
                table.AddRow("Stored", Units.Time(file.Modified));
                console.Write(table);
            });
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Delete()
    {
        var name = NameArgument();
        var command = new Command("delete", "Remove a stored file; copies already deployed on hosts stay (DELETE /file/{name})") { name }
            .WithExamples("hostops client file delete nginx.conf");
        command.SetRunner(async context =>
        {
            var stored = StoredName(context, name);
            var session = ClientSession.Open(context);
            var response = await session.Api.SendAsync(ApiRequest.DeleteFile(stored), context.CancellationToken);
            if (session.Json)
            {
                await session.WriteRawAsync(response);
            }
            else
            {
                await context.Output.WriteLineAsync($"Deleted {stored} from the file store");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "The stored file's name" };

    private static string StoredName(CommandContext context, Argument<string> name)
    {
        var value = context.Parse.GetValue(name)!;
        return FileRules.StoredName("NAME", value) is { } problem ? throw new UsageException(problem) : value;
    }
}
