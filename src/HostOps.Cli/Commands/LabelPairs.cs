namespace HostOps.Cli.Commands;

/// <summary>The <c>--label KEY=VALUE</c> options of <c>token generate --join</c> and <c>agent install</c>.</summary>
internal static class LabelPairs
{
    public static Dictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == pair.Length - 1)
            {
                throw new UsageException($"--label: '{pair}' is not KEY=VALUE");
            }

            labels[pair[..at]] = pair[(at + 1)..];
        }

        return labels;
    }
}
