using HostOps.Contracts.Operations.Users;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Contracts.Tests.Operations.Users;

public sealed class Sha512CryptTests
{
    // Captured with `openssl passwd -6 -salt SALT PASSWORD` (fixture README).
    [Theory]
    [InlineData("Hello world!", "saltstring", 0)]
    [InlineData("correct horse battery staple", "Zq1.x/y", 1)]
    [InlineData("x", "ab", 2)]
    public void Equals_openssl_passwd_6(string password, string salt, int line) =>
        Sha512Crypt.Hash(password, salt).ShouldBe(Captured()[line]);

    [Fact]
    public void Equals_the_specifications_vectors_with_rounds_and_a_long_salt()
    {
        // From Drepper's SHA-crypt.txt: the salt is cut to 16 characters, rounds are written when given.
        Sha512Crypt.Hash("Hello world!", "saltstringsaltstring", 10000)
            .ShouldBe("$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.");
        Sha512Crypt.Hash("we have a short salt string but not a short password", "short", 77777)
            .ShouldBe("$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0");
    }

    [Fact]
    public void A_new_hash_has_a_random_16_character_salt_and_passes_the_hash_rule()
    {
        var first = Sha512Crypt.Hash("secret");
        var second = Sha512Crypt.Hash("secret");

        first.ShouldNotBe(second);
        first.Split('$')[2].Length.ShouldBe(16);
        AccountRules.Hash("hash", first).ShouldBeNull();
        Sha512Crypt.Hash("secret", first.Split('$')[2]).ShouldBe(first);
    }

    private static string[] Captured() =>
        FixtureMachine.ReadText("debian12", "accounts/openssl-passwd-6.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
