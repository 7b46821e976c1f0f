using System.Security.Cryptography;
using HostOps.Nats.Auth;

namespace HostOps.Nats.Server;

/// <summary>
/// The password the servers of one cluster authenticate their routes with, kept in
/// <c>&lt;data_dir&gt;/identity/cluster.secret</c> (mode 0600): made by the first server, handed to the others when
/// they join (<c>hostops nats server start --join</c>). Without it, anyone reaching a route port could join the
/// cluster and bypass the client identities.
/// </summary>
public static class ClusterSecret
{
    public static string PathIn(string dataDir) => Path.Combine(dataDir, "identity", "cluster.secret");

    public static string LoadOrCreate(string dataDir)
    {
        var path = PathIn(dataDir);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } secret)
        {
            return secret;
        }

        secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        NkeySeedFile.WritePrivate(path, secret);
        return secret;
    }

    public static void Save(string dataDir, string secret) => NkeySeedFile.WritePrivate(PathIn(dataDir), secret);
}
