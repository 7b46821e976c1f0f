using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HostOps.Contracts.Operations.Users;

/// <summary>
/// SHA-512 crypt (<c>$6$</c>), as glibc's crypt(3) and <c>openssl passwd -6</c> compute it, after Ulrich Drepper's
/// published specification ("Unix crypt using SHA-256 and SHA-512", akkadia.org/drepper/SHA-crypt.txt).
/// </summary>
public static class Sha512Crypt
{
    public const int DefaultRounds = 5000;
    public const int MinRounds = 1000;
    public const int MaxRounds = 999_999_999;
    public const int SaltLength = 16;

    private const string Alphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // The order in which the digest's bytes are written: 21 groups of three (k·22, k·22+21, k·22+42, mod 63), then byte 63.
    private static readonly int[] Order = [.. Enumerable.Range(0, 21).SelectMany(k => new[] { k * 22 % 63, ((k * 22) + 21) % 63, ((k * 22) + 42) % 63 }), 63];

    /// <summary>A new hash of <paramref name="password"/> with a random 16-character salt and the default rounds.</summary>
    public static string Hash(string password)
    {
        var salt = string.Create(SaltLength, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
        return Hash(password, salt);
    }

    /// <summary>
    /// The hash of <paramref name="password"/> with <paramref name="salt"/> (its first 16 characters) and
    /// <paramref name="rounds"/> (clamped to 1000-999999999; written as <c>rounds=N$</c> unless the default).
    /// </summary>
    public static string Hash(string password, string salt, int? rounds = null)
    {
        var key = Encoding.UTF8.GetBytes(password);
        var saltBytes = Encoding.UTF8.GetBytes(salt.Length > SaltLength ? salt[..SaltLength] : salt);
        var count = Math.Clamp(rounds ?? DefaultRounds, MinRounds, MaxRounds);

        var b = SHA512.HashData([.. key, .. saltBytes, .. key]);
        using var a = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        a.AppendData(key);
        a.AppendData(saltBytes);
        AppendRepeated(a, b, key.Length);
        for (var length = key.Length; length > 0; length >>= 1)
        {
            a.AppendData((length & 1) != 0 ? b : key);
        }

        var c = a.GetHashAndReset();
        var p = Sequence(key, key.Length, key.Length);
        var s = Sequence(saltBytes, 16 + c[0], saltBytes.Length);
        for (var i = 0; i < count; i++)
        {
            a.AppendData((i & 1) != 0 ? p : c);
            if (i % 3 != 0)
            {
                a.AppendData(s);
            }

            if (i % 7 != 0)
            {
                a.AppendData(p);
            }

            a.AppendData((i & 1) != 0 ? c : p);
            c = a.GetHashAndReset();
        }

        var prefix = rounds is null ? "$6$" : string.Create(CultureInfo.InvariantCulture, $"$6$rounds={count}$");
        return $"{prefix}{Encoding.UTF8.GetString(saltBytes)}${Encode(c)}";
    }

    // The specification's "DP"/"DS" step: the digest of the input repeated, stretched or cut to a length.
    private static byte[] Sequence(byte[] input, int repeats, int length)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        for (var i = 0; i < repeats; i++)
        {
            hash.AppendData(input);
        }

        var digest = hash.GetHashAndReset();
        var result = new byte[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = digest[i % digest.Length];
        }

        return result;
    }

    private static void AppendRepeated(IncrementalHash hash, byte[] block, int length)
    {
        for (; length > block.Length; length -= block.Length)
        {
            hash.AppendData(block);
        }

        hash.AppendData(block, 0, length);
    }

    private static string Encode(byte[] digest)
    {
        var text = new StringBuilder(86);
        for (var i = 0; i < 63; i += 3)
        {
            Append(text, (digest[Order[i]] << 16) | (digest[Order[i + 1]] << 8) | digest[Order[i + 2]], 4);
        }

        Append(text, digest[Order[63]], 2);
        return text.ToString();
    }

    private static void Append(StringBuilder text, int value, int characters)
    {
        for (var i = 0; i < characters; i++, value >>= 6)
        {
            text.Append(Alphabet[value & 0x3f]);
        }
    }
}
