using HostOps.Agent.Operations;
using HostOps.Testing.Fixtures;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

public sealed class UserHandlerTests : IDisposable
{
    private readonly TempMachine machine = new TempMachine()
        .Write("/etc/passwd", Fixture("etc/passwd"))
        .Write("/etc/group", Fixture("etc/group"))
        .Write("/etc/shadow", Fixture("etc/shadow"));

    [Fact]
    public async Task Show_answers_the_account_without_its_hash()
    {
        using var host = Host();

        var json = await host.RunAsync("user.detail.get", """{"name":"deploy"}""");

        json.ShouldBeJson("""{"hostname":"agent-1","status":"ok","changed":false,"user":{"name":"deploy","uid":1001,"gid":1001,"group":"deploy","groups":["adm","sudo"],"home":"/home/deploy","shell":"/bin/bash","comment":"Deploy User,,,","locked":false}}""");
    }

    [Fact]
    public async Task Group_show_answers_the_members()
    {
        using var host = Host();

        var json = await host.RunAsync("group.detail.get", """{"name":"sudo"}""");

        json.ShouldBeJson("""{"hostname":"agent-1","status":"ok","changed":false,"group":{"name":"sudo","gid":27,"members":["cloudsdk","deploy"]}}""");
    }

    [Fact]
    public async Task A_dry_run_changes_nothing_even_where_changes_are_refused_and_a_second_run_is_unchanged()
    {
        using var refused = Host(hostChangesAllowed: false);

        (await refused.RunAsync("user.update.do", """{"name":"deploy","shell":"/bin/sh","dry_run":true}""")).ShouldContain("\"changed\":true");
        (await refused.RunAsync("user.update.do", """{"name":"deploy","shell":"/bin/bash"}""")).ShouldContain("\"changed\":false");
        var error = await Should.ThrowAsync<OperationFailedException>(() => refused.RunAsync("group.delete.do", """{"name":"adm"}"""));

        error.Message.ShouldStartWith("deleting group adm refused: host changes are disabled on this agent");
        refused.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_plaintext_password_that_reaches_an_agent_is_refused_not_stored()
    {
        using var host = Host();

        var error = await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("user.password.set", """{"name":"deploy","password":"secret"}"""));

        error.Message.ShouldStartWith("password: an agent takes only a hash");
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("user.detail.get", """{"name":"-r"}""", "data.name: '-r' is not a valid user or group name")]
    [InlineData("user.ssh-key.add.do", """{"name":"deploy","key":"ssh-rsa AAAA"}""", "data.key: the key's data is not an OpenSSH key blob")]
    [InlineData("user.ssh-key.remove.do", """{"name":"deploy","fingerprint":"x"}""", "data.fingerprint: 'x' is not a SHA256 fingerprint")]
    [InlineData("group.update.do", """{"name":"adm","members":["a b"]}""", "data.members[0]: 'a b' is not a valid user or group name")]
    public async Task Bad_input_fails_naming_the_field_before_anything_runs(string type, string data, string error)
    {
        using var host = Host();

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync(type, data))).Message.ShouldStartWith(error);
        host.Commands.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_user_fails_the_host_with_the_reason()
    {
        using var host = Host();

        (await Should.ThrowAsync<OperationFailedException>(() => host.RunAsync("user.ssh-key.list.get", """{"name":"ghost"}"""))).Message.ShouldBe("user 'ghost' does not exist on this host");
    }

    public void Dispose() => machine.Dispose();

    private static string Fixture(string file) => FixtureMachine.ReadText("debian12", "accounts/" + file);

    private HandlerHost Host(bool hostChangesAllowed = true) => new(machine.Root, hostChangesAllowed);
}
