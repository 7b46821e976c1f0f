using HostOps.Jobs.Routing;
using Shouldly;
using Xunit;

namespace HostOps.Jobs.Tests.Routing;

public sealed class JobTargetTests
{
    private static readonly Dictionary<string, string> WebEast = new() { ["group"] = "web.dev.east" };

    [Theory]
    [InlineData(null, "system.hostname.get", "jobs.query._any", false)]
    [InlineData("_all", "system.status.get", "jobs.query._all", true)]
    [InlineData("web1.example.com", "network.ping.do", "jobs.query.host.web1_example_com", false)]
    [InlineData("group:web.dev", "network.dns.update", "jobs.modify.label.group.web.dev", true)]
    public void Targets_map_to_subjects_by_operation_kind_ending_in_the_job_id(string? target, string operation, string route, bool broadcast)
    {
        var id = Guid.CreateVersion7();
        var subject = JobSubjects.For("jobs", operation, JobTarget.TryParse(target, out _)!, id);
        subject.ShouldBe($"{route}.{id:D}");
        JobSubjects.IsBroadcast("jobs", subject).ShouldBe(broadcast);
    }

    [Fact]
    public void A_consumer_filter_takes_one_job_id_token_so_a_shorter_label_prefix_never_matches_a_longer_one()
    {
        var filter = JobSubjects.Filter("jobs", "label.group.web");
        filter.ShouldBe("jobs.*.label.group.web.*");
        var id = Guid.CreateVersion7();
        var longer = JobSubjects.For("jobs", "system.hostname.get", JobTarget.TryParse("group:web.dev", out _)!, id);
        longer.Split('.').Length.ShouldBeGreaterThan(filter.Split('.').Length);
    }

    [Theory]
    [InlineData("group:web", true)]
    [InlineData("group:web.dev", true)]
    [InlineData("group:web.dev.east", true)]
    [InlineData("group:web.de", false)]
    [InlineData("group:db", false)]
    [InlineData("role:web", false)]
    public void A_label_target_matches_whole_dot_separated_prefixes(string target, bool matches) =>
        JobTarget.TryParse(target, out _)!.Matches("web1", WebEast).ShouldBe(matches);

    [Fact]
    public void An_agent_consumes_every_prefix_of_its_labels() =>
        JobSubjects.RoutesFor("Web1", WebEast).ShouldBe(
            ["_any", "_all", "host.web1", "label.group.web", "label.group.web.dev", "label.group.web.dev.east"]);

    [Theory]
    [InlineData("bad host")]
    [InlineData("-leading")]
    [InlineData("group:")]
    [InlineData(":web")]
    [InlineData("group:web..dev")]
    [InlineData("gr*up:web")]
    [InlineData("web1\n")]
    [InlineData("web1.example.com\n")]
    [InlineData("group:web\n")]
    [InlineData("group\n:web")]
    public void Malformed_targets_are_refused_with_a_reason(string target)
    {
        JobTarget.TryParse(target, out var error).ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("group", true)]
    [InlineData("rack_2-b", true)]
    [InlineData("a.b", false)]
    [InlineData("", false)]
    [InlineData("*", false)]
    [InlineData(">", false)]
    [InlineData("my key", false)]
    [InlineData("group\n", false)]
    public void A_label_key_is_one_subject_token(string key, bool valid) => JobTarget.IsLabelKey(key).ShouldBe(valid);

    [Theory]
    [InlineData("web", true)]
    [InlineData("web.dev.east", true)]
    [InlineData("web..dev", false)]
    [InlineData(".web", false)]
    [InlineData("web.*", false)]
    [InlineData("web.>", false)]
    [InlineData("web dev", false)]
    [InlineData("", false)]
    [InlineData("web\n", false)]
    public void A_label_value_is_dot_separated_subject_tokens(string value, bool valid) => JobTarget.IsLabelValue(value).ShouldBe(valid);
}
