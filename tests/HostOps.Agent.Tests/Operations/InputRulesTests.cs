using HostOps.Contracts.Operations;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Operations;

public sealed class InputRulesTests
{
    [Theory]
    [InlineData("eth0")]
    [InlineData("enp1s0")]
    [InlineData("br-lan.100")]
    [InlineData("wg_0")]
    [InlineData("abcdefghijklmno")]
    public void Accepts_interface_names(string name) => InputRules.InterfaceName("interface_name", name).ShouldBeNull();

    [Theory]
    [InlineData("", "interface_name: is required")]
    [InlineData("abcdefghijklmnop", "interface_name: 'abcdefghijklmnop' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    [InlineData("eth0 ", "interface_name: 'eth0 ' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    [InlineData("eth0\n", "interface_name: 'eth0\n' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    [InlineData("$(reboot)", "interface_name: '$(reboot)' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    [InlineData("-x", "interface_name: '-x' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    [InlineData("--help", "interface_name: '--help' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    [InlineData(".", "interface_name: '.' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    [InlineData("..", "interface_name: '..' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    [InlineData("_eth0", "interface_name: '_eth0' is not a valid interface name (1-15 of A-Z a-z 0-9 . _ -, starting with a letter or digit)")]
    public void Refuses_interface_names(string name, string error) => InputRules.InterfaceName("interface_name", name).ShouldBe(error);

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("255.255.255.255")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("2001:db8::53")]
    [InlineData("::ffff:192.0.2.1")]
    public void Accepts_ip_literals(string address) => InputRules.IpAddress("address", address).ShouldBeNull();

    [Theory]
    [InlineData("1")] // IPAddress.TryParse reads these as 0.0.0.1 and 1.0.0.2
    [InlineData("1.2")]
    [InlineData("1.2.3")]
    [InlineData("010.0.0.1")] // and this as octal 8.0.0.1
    [InlineData("999.1.1.1")]
    [InlineData("1.1.1.1 ")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("[::1]")]
    [InlineData("example.com")]
    [InlineData("1.1.1.1;id")]
    public void Refuses_anything_else_as_an_address(string address) =>
        InputRules.IpAddress("servers[1]", address).ShouldBe($"servers[1]: '{address}' is not an IP address");

    [Theory]
    [InlineData("example.com")]
    [InlineData("local")]
    [InlineData("a-b.c-d.example")]
    [InlineData("1.example")]
    public void Accepts_rfc1123_search_domains(string domain) => InputRules.SearchDomain("search_domains[0]", domain).ShouldBeNull();

    [Theory]
    [InlineData("-a.example")]
    [InlineData("a-.example")]
    [InlineData("a..example")]
    [InlineData("example.com.")]
    [InlineData("under_score.example")]
    [InlineData("sp ace.example")]
    public void Refuses_other_search_domains(string domain) =>
        InputRules.SearchDomain("search_domains[0]", domain).ShouldBe($"search_domains[0]: '{domain}' is not a valid domain name");

    [Fact]
    public void Refuses_labels_over_63_and_names_over_253_characters()
    {
        InputRules.SearchDomain("d", new string('a', 63) + ".example").ShouldBeNull();
        InputRules.SearchDomain("d", new string('a', 64) + ".example").ShouldNotBeNull();
        InputRules.SearchDomain("d", string.Join('.', Enumerable.Repeat(new string('a', 50), 6))).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(1, null)]
    [InlineData(100, null)]
    [InlineData(0, "count: 0 is out of range (1-100)")]
    [InlineData(-3, "count: -3 is out of range (1-100)")]
    [InlineData(101, "count: 101 is out of range (1-100)")]
    public void Ping_count_is_1_to_100(int? count, string? error) => InputRules.PingCount("count", count).ShouldBe(error);

    [Fact]
    public void Ping_defaults_to_four_echoes() => InputRules.DefaultPingCount.ShouldBe(4);

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("192.168.1.255")] // a subnet's broadcast cannot be told from a host without the netmask
    [InlineData("::1")]
    [InlineData("2001:db8::1")]
    public void Ping_accepts_one_host(string address) => InputRules.PingAddress("address", address).ShouldBeNull();

    [Theory]
    [InlineData("255.255.255.255", "address: '255.255.255.255' is the broadcast address; ping one host")]
    [InlineData("::ffff:255.255.255.255", "address: '::ffff:255.255.255.255' is the broadcast address; ping one host")]
    [InlineData("224.0.0.1", "address: '224.0.0.1' is a multicast address; ping one host")]
    [InlineData("239.255.255.250", "address: '239.255.255.250' is a multicast address; ping one host")]
    [InlineData("ff02::1", "address: 'ff02::1' is a multicast address; ping one host")]
    [InlineData("::ffff:224.0.0.1", "address: '::ffff:224.0.0.1' is a multicast address; ping one host")]
    [InlineData("example.com", "address: 'example.com' is not an IP address")]
    public void Ping_refuses_broadcast_and_multicast(string address, string error)
    {
        InputRules.PingAddress("address", address).ShouldBe(error);
        InputRules.Validate(new PingRequest(address)).ShouldBe(error);
    }

    [Fact]
    public void Ping_takes_at_most_its_intervals_and_one_reply_timeout()
    {
        InputRules.PingDuration(1).ShouldBe(TimeSpan.FromSeconds(2));
        InputRules.PingDuration(100).ShouldBe(TimeSpan.FromSeconds(21.8));
    }

    [Theory]
    [InlineData(100, 30, null)]
    [InlineData(null, 3, null)] // the default 4 echoes take 2.6s
    [InlineData(40, 10, null)]
    [InlineData(41, 10, "count: 41 echoes can take 10s, which does not fit in api.server.job_timeout (10s); use at most 40")]
    [InlineData(100, 10, "count: 100 echoes can take 21.8s, which does not fit in api.server.job_timeout (10s); use at most 40")]
    [InlineData(1, 2, "count: 1 echoes can take 2s, which does not fit in api.server.job_timeout (2s); api.server.job_timeout is too short for any ping")]
    public void Ping_must_end_within_the_job_timeout(int? count, int seconds, string? error) =>
        InputRules.PingWithin("count", count, TimeSpan.FromSeconds(seconds), "api.server.job_timeout").ShouldBe(error);

    [Fact]
    public void Dns_update_takes_at_most_8_servers_and_16_search_domains()
    {
        var servers = Enumerable.Range(1, 9).Select(i => $"10.0.0.{i}").ToList();
        var domains = Enumerable.Range(1, 17).Select(i => $"d{i}.example").ToList();
        InputRules.Validate(new DnsUpdateRequest("eth0", servers[..8], domains[..16])).ShouldBeNull();
        InputRules.Validate(new DnsUpdateRequest("eth0", servers, null)).ShouldBe("servers: 9 given, at most 8");
        InputRules.Validate(new DnsUpdateRequest("eth0", null, domains)).ShouldBe("search_domains: 17 given, at most 16");
    }

    [Fact]
    public void Dns_update_names_the_first_bad_field()
    {
        InputRules.Validate(new DnsUpdateRequest("eth0", ["1.1.1.1"], ["example.com"])).ShouldBeNull();
        InputRules.Validate(new DnsUpdateRequest("eth0", [], null)).ShouldBeNull(); // clears the servers
        InputRules.Validate(new DnsUpdateRequest(null, ["1.1.1.1"], null)).ShouldBe("interface_name: is required");
        InputRules.Validate(new DnsUpdateRequest("eth0", null, null)).ShouldBe("servers: servers or search_domains is required");
        InputRules.Validate(new DnsUpdateRequest("eth0", ["1.1.1.1", "999.1.1.1"], null)).ShouldBe("servers[1]: '999.1.1.1' is not an IP address");
        InputRules.Validate(new DnsUpdateRequest("eth0", null, ["ok", "not ok"])).ShouldBe("search_domains[1]: 'not ok' is not a valid domain name");
        InputRules.Validate((DnsUpdateRequest?)null).ShouldBe("data: is required");
    }
}
