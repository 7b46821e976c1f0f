using System.Net;
using OpenQA.Selenium;
using Shouldly;
using Xunit;

namespace HostOps.Ui.Tests;

/// <summary>The dashboard in a real browser against a real HostOps: what an operator does with it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DashboardTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private readonly DashboardPage _page = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Signing_in_with_a_pasted_token_shows_the_overview()
    {
        DashboardFixture.RequireBrowser();
        fixture.Driver.Navigate().GoToUrl(new Uri(fixture.HostOps.BaseUrl, "/ui/"));
        _page.Run("sessionStorage.clear(); location.hash = '#/sign-in'");
        _page.Find("textarea#token").SendKeys(fixture.HostOps.Token("admin"));
        _page.Click("button#sign-in");

        _page.Find("#health table");
        _page.WaitFor(d => d.FindElement(By.Id("health")).Text.Contains("nats", StringComparison.Ordinal));
        _page.Find("#job-counts table");
        _page.Find("svg#throughput[data-total]");
        _page.WaitFor(d => d.FindElements(By.CssSelector("#live-agents tr[data-agent]")).Count > 0);
        _page.Exists("#nav-audit").ShouldBeTrue("an admin token sees the audit page");
        fixture.Screenshot("overview");

        // The first view's weight: the page, its files and the API answers it read (docs/ui.md; at most 300 KB).
        var bytes = Convert.ToInt64(_page.Run(
            "return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].reduce((n, e) => n + e.decodedBodySize, 0)"),
            System.Globalization.CultureInfo.InvariantCulture);
        TestContext.Current.TestOutputHelper?.WriteLine($"first view: {bytes} bytes");
        bytes.ShouldBeLessThanOrEqualTo(300 * 1024);
    }

    [Fact]
    public async Task A_job_run_through_the_form_and_one_submitted_meanwhile_are_seen_completed_without_a_reload()
    {
        DashboardFixture.RequireBrowser();
        var (code, output) = await fixture.HostOps.RunCliAsync("ui", "--role", "admin");
        code.ShouldBe(0, output);
        _page.SignInWithUrl(output.Trim().Split('\n').Last().Trim());
        _page.MarkLoad();

        _page.Go("#/run");
        _page.WaitFor(d => d.FindElements(By.CssSelector("#operation option")).Count > 5);
        _page.Run("const s = document.getElementById('operation'); s.value = 'GET /system/hostname'; s.dispatchEvent(new Event('change'))");
        _page.Click("button#run");
        _page.Find("#run-result tr[data-host] .status.ok", 40);
        fixture.Screenshot("run");

        _page.Click("#nav-jobs");
        _page.Find("#jobs tr[data-job] [data-status='completed']");
        var id = await fixture.HostOps.SubmitAsync("system.hostname.get", null, fixture.HostOps.Token("write"), Ct);
        _page.Find($"#jobs tr[data-job='{id}'] [data-status='completed']", 30);
        _page.StillSameLoad().ShouldBeTrue("the job list updated over its event stream, not by loading the page again");
        fixture.Screenshot("jobs");

        _page.Click($"#jobs tr[data-job='{id}'] a");
        _page.WaitFor(d => d.FindElement(By.Id("timeline")).Text.Contains("completed", StringComparison.Ordinal));
        _page.Find("#job-detail tr[data-response]");
        _page.Exists("button#delete").ShouldBeTrue();
        fixture.Screenshot("job");
    }

    [Fact]
    public async Task An_admin_retries_a_dead_letter_and_finds_the_retry_in_the_audit_log()
    {
        DashboardFixture.RequireBrowser();
        _page.SignInAs("admin");
        var id = await fixture.HostOps.SubmitAsync("test.record.do", new { sleep_ms = 0 }, fixture.HostOps.Token("write"), Ct);

        _page.Go("#/dead-letters");
        _page.Find($"#dead-letters tr[data-job='{id}'] button.retry", 30);
        _page.Find($"#dead-letters tr[data-job='{id}'] td.reason").Text.ShouldBe("HOSTOPS_FAULTS_RECORD_DIR is not set");
        fixture.Screenshot("dead-letters");
        _page.Click($"#dead-letters tr[data-job='{id}'] button.retry");
        _page.WaitFor(d => d.FindElement(By.TagName("main")).Text.Contains($"Job {id} retried.", StringComparison.Ordinal));

        _page.Go("#/audit?path=/job");
        _page.WaitFor(d =>
        {
            if (_page.Exists($"#audit tr[data-audit='POST /job/{id}/retry']"))
            {
                return true;
            }

            d.FindElement(By.CssSelector("form.filters button[type=submit]")).Click(); // the entry is written a moment after the request
            return false;
        });
        _page.Find($"#audit tr[data-audit='POST /job/{id}/retry'] [data-status='202']");
        fixture.Screenshot("audit");
    }

    [Fact]
    public async Task A_read_token_sees_no_button_that_changes_something()
    {
        DashboardFixture.RequireBrowser();
        var dead = await fixture.HostOps.SubmitAsync("test.record.do", new { sleep_ms = 0 }, fixture.HostOps.Token("write"), Ct);
        _page.SignInAs("read");

        _page.Exists("#nav-audit").ShouldBeFalse();
        _page.Go("#/dead-letters");
        _page.Find($"#dead-letters tr[data-job='{dead}']", 30);
        _page.Exists("button.retry").ShouldBeFalse();

        _page.Go($"#/jobs/{dead}");
        _page.Find("#job-status");
        _page.Exists("button#retry").ShouldBeFalse();
        _page.Exists("button#delete").ShouldBeFalse();

        _page.Go("#/agents");
        _page.Find("#agents tr[data-agent]");
        _page.Exists("button[data-action]").ShouldBeFalse();
        fixture.Screenshot("agents-read-token");

        _page.Go("#/run");
        _page.WaitFor(d => d.FindElements(By.CssSelector("#operation option")).Count > 5);
        _page.Run("const s = document.getElementById('operation'); s.value = 'PUT /system/hostname'; s.dispatchEvent(new Event('change'))");
        _page.Exists("button#run").ShouldBeFalse();
    }

    [Fact]
    public void At_phone_width_the_pages_take_one_column_without_scrolling_sideways()
    {
        DashboardFixture.RequireBrowser();
        _page.SignInAs("admin");
        fixture.Driver.Manage().Window.Size = HeadlessChromium.Phone;
        try
        {
            _page.Go("#/overview");
            _page.Find("#job-counts table");
            var cards = fixture.Driver.FindElements(By.CssSelector("main .grid .card"));
            cards.Count.ShouldBeGreaterThan(1);
            cards.Select(c => c.Location.X).Distinct().Count().ShouldBe(1, "the cards stack in one column");
            Convert.ToInt64(_page.Run("return document.documentElement.scrollWidth - window.innerWidth"), System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBeLessThanOrEqualTo(0);
            fixture.Screenshot("overview-phone");
            _page.Go("#/jobs");
            _page.Find("#jobs");
            fixture.Screenshot("jobs-phone");
        }
        finally
        {
            fixture.Driver.Manage().Window.Size = HeadlessChromium.Desktop;
        }
    }

    [Fact]
    public async Task The_dashboard_files_are_served_with_their_type_an_etag_and_a_strict_content_security_policy()
    {
        DashboardFixture.RequireBrowser();
        using var page = await fixture.HostOps.Http.GetAsync(new Uri(fixture.HostOps.BaseUrl, "/ui/"), Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
        var etag = page.Headers.ETag.ShouldNotBeNull();

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.HostOps.BaseUrl, "/ui/index.html"));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await fixture.HostOps.Http.SendAsync(again, Ct);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);

        using var script = await fixture.HostOps.Http.GetAsync(new Uri(fixture.HostOps.BaseUrl, "/ui/js/app.js"), Ct);
        script.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        using var data = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.HostOps.BaseUrl, "/job"));
        using var refused = await fixture.HostOps.Http.SendAsync(data, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the files are open, the data is not");
    }
}
