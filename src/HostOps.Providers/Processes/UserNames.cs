using System.Globalization;

namespace HostOps.Providers.Processes;

/// <summary>The names of uids from <c>/etc/passwd</c> (read once per listing); a uid it does not name stays a number.</summary>
internal sealed class UserNames
{
    private readonly Dictionary<uint, string> names = [];

    private UserNames()
    {
    }

    public static UserNames Read(HostRoot root)
    {
        var users = new UserNames();
        var path = root.Resolve("/etc/passwd");
        if (!File.Exists(path))
        {
            return users;
        }

        foreach (var line in File.ReadLines(path))
        {
            // name:password:uid:gid:gecos:home:shell; the first entry of a uid wins, as getpwuid(3) answers.
            var fields = line.Split(':');
            if (fields.Length >= 3 && fields[0].Length > 0
                && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
            {
                users.names.TryAdd(uid, fields[0]);
            }
        }

        return users;
    }

    public string Name(uint uid) => names.TryGetValue(uid, out var name) ? name : uid.ToString(CultureInfo.InvariantCulture);
}
