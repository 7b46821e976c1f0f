using System.Text;
using NATS.Client.Core;
using NATS.NKeys;

namespace HostOps.Nats.Auth;

/// <summary>
/// A NATS user nkey kept as its seed in the standard text form (one line, <c>SU…</c>) in a file of mode 0600, so
/// any NATS client can use it (<c>nats --nkey FILE</c>). The seed is made where it is used and never sent anywhere:
/// only its public key (<c>U…</c>) is handed out.
/// </summary>
public sealed record NkeySeedFile(string Path, string Seed, string PublicKey)
{
    /// <summary>How a NATS.Net client authenticates with this key (the server's nonce is signed with the seed).</summary>
    public NatsAuthOpts AuthOpts => new() { NKey = PublicKey, Seed = Seed };

    /// <summary>Reads the seed at <paramref name="path"/>, or makes a new user key there when the file does not exist.</summary>
    public static NkeySeedFile LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Load(path);
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        using var pair = KeyPair.CreatePair(PrefixByte.User);
        var seed = pair.GetSeed();
        WritePrivate(path, seed + "\n");
        return new NkeySeedFile(path, seed, pair.GetPublicKey());
    }

    /// <summary>Reads a seed file; an unreadable or malformed one is an <see cref="InvalidDataException"/> naming the file.</summary>
    public static NkeySeedFile Load(string path)
    {
        var seed = File.ReadLines(path).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("SU", StringComparison.Ordinal))
            ?? throw new InvalidDataException($"{path} holds no NATS user seed (a line starting with SU)");
        try
        {
            using var pair = KeyPair.FromSeed(seed);
            return new NkeySeedFile(path, seed, pair.GetPublicKey());
        }
        catch (Exception e) when (e is not InvalidDataException and not IOException)
        {
            throw new InvalidDataException($"{path} holds no valid NATS user seed ({e.Message})", e);
        }
    }

    /// <summary>The Ed25519 signature of <paramref name="text"/> (UTF-8) with this key, base64url.</summary>
    public string Sign(string text)
    {
        using var pair = KeyPair.FromSeed(Seed);
        var signature = new byte[64];
        pair.Sign(Encoding.UTF8.GetBytes(text), signature);
        return System.Buffers.Text.Base64Url.EncodeToString(signature);
    }

    /// <summary>Whether <paramref name="signature"/> (base64url) is <paramref name="publicKey"/>'s signature of <paramref name="text"/>.</summary>
    public static bool Verify(string publicKey, string text, string signature)
    {
        if (!IsUserPublicKey(publicKey) || !System.Buffers.Text.Base64Url.IsValid(signature, out var length) || length != 64)
        {
            return false;
        }

        using var pair = KeyPair.FromPublicKey(publicKey);
        return pair.Verify(Encoding.UTF8.GetBytes(text), System.Buffers.Text.Base64Url.DecodeFromChars(signature));
    }

    /// <summary>Whether <paramref name="publicKey"/> is a well-formed NATS user public key (<c>U…</c>).</summary>
    public static bool IsUserPublicKey(string? publicKey) =>
        publicKey is { Length: 56 } && publicKey[0] == 'U' && KeyPair.IsValidPublicKey(PrefixByte.User, publicKey);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically, readable by the owner only (its directory is made when missing).</summary>
    public static void WritePrivate(string path, string text)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
