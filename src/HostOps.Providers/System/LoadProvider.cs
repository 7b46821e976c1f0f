using System.Globalization;
using HostOps.Contracts.Operations;

namespace HostOps.Providers.System;

/// <summary>The 1, 5 and 15 minute load averages: the first three fields of <c>/proc/loadavg</c>.</summary>
public sealed class LoadProvider(HostRoot root)
{
    private const string LoadPath = "/proc/loadavg";

    public LoadAverage Read()
    {
        var text = HostFile.ReadAllText(root, LoadPath);
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new double[3];
        if (fields.Length < 3)
        {
            throw HostFile.Unexpected(LoadPath, text);
        }

        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                throw HostFile.Unexpected(LoadPath, text);
            }
        }

        return new LoadAverage(values[0], values[1], values[2]);
    }
}
