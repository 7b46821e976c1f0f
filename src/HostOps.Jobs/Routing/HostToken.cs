using System.Text;

namespace HostOps.Jobs.Routing;

/// <summary>
/// Turns a hostname or label value into one NATS subject/key/consumer-name token: every character outside
/// <c>[A-Za-z0-9_-]</c> becomes <c>_</c>. (Hosts <c>a.b</c> and <c>a_b</c> would share a token; we accept that.)
/// </summary>
public static class HostToken
{
    public static string From(string name)
    {
        var token = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            token.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        return token.ToString();
    }
}
