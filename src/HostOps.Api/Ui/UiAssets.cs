using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace HostOps.Api.Ui;

/// <summary>
/// The dashboard's files (<c>Ui/wwwroot</c>, embedded in this assembly as <c>ui/…</c> resources): read once, each
/// with its content type and a strong ETag (a hash of its bytes), so a browser revalidates with one 304.
/// </summary>
internal sealed class UiAssets
{
    private const string Prefix = "ui/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, UiAsset> _assets;

    private UiAssets(FrozenDictionary<string, UiAsset> assets) => _assets = assets;

    public static UiAssets Embedded { get; } = Load(typeof(UiAssets).Assembly);

    public IEnumerable<string> Paths => _assets.Keys;

    public UiAsset? Find(string path) => _assets.GetValueOrDefault(path);

    private static UiAssets Load(Assembly assembly)
    {
        var assets = new Dictionary<string, UiAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var path = name[Prefix.Length..].Replace('\\', '/');
            if (!ContentTypes.TryGetValue(Path.GetExtension(path), out var type))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"";
            assets[path] = new UiAsset(bytes, type, etag);
        }

        return new UiAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
