using System.Text.Json;
using HostOps.Contracts.Operations.Users;
using Shouldly;
using Xunit;

namespace HostOps.Contracts.Tests.Operations.Users;

public sealed class AccountRulesTests
{
    private const string Hash = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1";

    [Theory]
    [InlineData("deploy")]
    [InlineData("_apt")]
    [InlineData("systemd-network")]
    [InlineData("hostops-test-1a2b3c4d")]
    public void Takes_plain_names(string name) => AccountRules.Name("name", name).ShouldBeNull();

    [Theory]
    [InlineData("")]
    [InlineData("-r")]
    [InlineData("Root")]
    [InlineData("1user")]
    [InlineData("a b")]
    [InlineData("a:b")]
    [InlineData("../etc")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void Refuses_what_is_not_a_plain_name(string name) => AccountRules.Name("name", name).ShouldNotBeNull().ShouldStartWith("name: ");

    [Theory]
    [InlineData("""{"name":"deploy","home":"home/deploy"}""", "home: 'home/deploy' is not an absolute path")]
    [InlineData("""{"name":"deploy","home":"/home/../etc"}""", "home: '/home/../etc' holds '.' or '..' segments")]
    [InlineData("""{"name":"deploy","shell":"/bin/bash:x"}""", "shell: '/bin/bash:x' is not an absolute path")]
    [InlineData("""{"name":"deploy","comment":"a\nb"}""", "comment: is longer than 255 characters or holds ':' or a control character")]
    [InlineData("""{"name":"deploy","uid":-1}""", "uid: -1 is out of range")]
    [InlineData("""{"name":"deploy","groups":["adm","-x"]}""", "groups[1]: '-x' is not a valid user or group name")]
    [InlineData("""{"name":"deploy","groups":["adm","adm"]}""", "groups: holds a name twice")]
    [InlineData("""{"name":"deploy","group":"Wheel"}""", "group: 'Wheel' is not a valid user or group name")]
    public void A_user_change_names_the_bad_field(string json, string error) =>
        AccountRules.UserChange(JsonSerializer.Deserialize(json, UsersJsonContext.Default.UserChangeRequest)!).ShouldNotBeNull().ShouldStartWith(error);

    [Theory]
    [InlineData(Hash)]
    [InlineData("$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.")]
    [InlineData("$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5")]
    [InlineData("$y$j9T$F5Jx5fExrKuPp53xLKQ..1$42RgPIrXdXSEEs77lDi/4IqKVqFBAVaHJkzw5uD1r57")]
    public void Takes_sha512_sha256_and_yescrypt_hashes(string hash) => AccountRules.Hash("hash", hash).ShouldBeNull();

    [Theory]
    [InlineData("secret")]
    [InlineData("$1$abc$def")]
    [InlineData("!" + Hash)]
    [InlineData(Hash + "\nroot::0:0::/:/bin/sh")]
    [InlineData("$6$saltstring$tooShort")]
    public void Refuses_other_hashes_without_echoing_them(string hash)
    {
        var error = AccountRules.Hash("hash", hash).ShouldNotBeNull();
        error.ShouldStartWith("hash: is not a crypt hash");
        error.ShouldNotContain(hash);
    }

    [Theory]
    [InlineData("""{"name":"deploy"}""", "password: give either password or hash (not both)")]
    [InlineData("""{"name":"deploy","password":"s3cret","hash":"$6$x$y"}""", "password: give either password or hash (not both)")]
    [InlineData("""{"name":"deploy","password":""}""", "password: must be 1-1024 characters without NUL or line breaks")]
    [InlineData("""{"name":"deploy","password":"s3cret\nroot"}""", "password: must be 1-1024 characters without NUL or line breaks")]
    public void A_password_input_names_the_field_and_never_holds_the_password(string json, string error)
    {
        var message = AccountRules.PasswordInput(JsonSerializer.Deserialize(json, UsersJsonContext.Default.UserPasswordRequest)!);

        message.ShouldBe(error);
        message.ShouldNotBeNull().ShouldNotContain("s3cret");
    }

    [Fact]
    public void Prepare_replaces_the_plaintext_by_its_sha512_crypt_hash()
    {
        using var data = JsonDocument.Parse("""{"name":"deploy","password":"s3cret","dry_run":true}""");

        var prepared = UserOperations.Password.PrepareData(data.RootElement).ShouldNotBeNull();

        prepared.GetRawText().ShouldNotContain("s3cret");
        prepared.TryGetProperty("password", out _).ShouldBeFalse();
        prepared.GetProperty("dry_run").GetBoolean().ShouldBeTrue();
        var hash = prepared.GetProperty("hash").GetString().ShouldNotBeNull();
        Sha512Crypt.Hash("s3cret", hash.Split('$')[2]).ShouldBe(hash);
        UserOperations.Password.ValidateData(prepared).ShouldBeNull();
    }

    [Fact]
    public void Prepare_keeps_a_hash_as_given_and_other_operations_data_untouched()
    {
        using var data = JsonDocument.Parse($$"""{"name":"deploy","hash":"{{Hash}}"}""");

        UserOperations.Password.PrepareData(data.RootElement)!.Value.GetProperty("hash").GetString().ShouldBe(Hash);
        UserOperations.Create.PrepareData(data.RootElement).ShouldBe(data.RootElement);
    }
}
