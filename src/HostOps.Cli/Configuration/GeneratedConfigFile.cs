using YamlDotNet.RepresentationModel;

namespace HostOps.Cli.Configuration;

/// <summary>
/// <c>&lt;data_dir&gt;/hostops.yaml</c>, the file <c>start</c> writes: the generated signing key (first run) and a
/// fresh admin token with the API's URL (every run), so a second terminal's <c>hostops client</c> needs nothing
/// copied by hand. It holds secrets, so it is created with mode 0600 and replaced atomically.
/// </summary>
public sealed class GeneratedConfigFile(string path)
{
    private const string Banner = "# Written by `hostops start`: the API signing key and a short-lived admin token. Keep it private.\n";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Path { get; } = path;

    /// <summary>Sets the scalar at a <c>:</c>-separated key, keeping everything else in the file.</summary>
    public void Set(params (string Key, string Value)[] values)
    {
        var stream = Read();
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var (key, value) in values)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (!node.Children.TryGetValue(new YamlScalarNode(part), out var child) || child is not YamlMappingNode mapping)
                {
                    mapping = [];
                    node.Children[new YamlScalarNode(part)] = mapping;
                }

                node = mapping;
            }

            node.Children[new YamlScalarNode(parts[^1])] = new YamlScalarNode(value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
        }

        Write(stream);
    }

    private YamlStream Read()
    {
        var stream = new YamlStream();
        if (File.Exists(Path))
        {
            using var reader = new StreamReader(Path);
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode)
        {
            stream = new YamlStream(new YamlDocument(new YamlMappingNode()));
        }

        return stream;
    }

    private void Write(YamlStream stream)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = Path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var text = new StringWriter())
        using (var writer = new StreamWriter(temp, options))
        {
            stream.Save(text, assignAnchors: false);
            writer.Write(Banner);

            // YamlStream ends every document with the "..." marker; people editing the file do not need it.
            writer.Write(text.ToString().TrimEnd().TrimEnd('.').TrimEnd() + "\n");
        }

        // UnixCreateMode only applies to new files; a leftover temp file keeps its mode otherwise.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, OwnerOnly);
        }

        File.Move(temp, Path, overwrite: true);
    }
}
