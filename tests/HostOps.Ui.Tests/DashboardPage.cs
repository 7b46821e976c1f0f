using OpenQA.Selenium;
using Shouldly;

namespace HostOps.Ui.Tests;

/// <summary>How the tests move around the dashboard: sign in, go to a page by its hash route, wait for an element.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class DashboardPage(DashboardFixture fixture)
{
    private IWebDriver Driver => fixture.Driver;

    private IJavaScriptExecutor Script => (IJavaScriptExecutor)fixture.Driver;

    /// <summary>Opens <c>/ui/#token=…</c>, as <c>hostops ui</c> prints it, and waits for the signed-in overview.</summary>
    public void SignInWithUrl(string url)
    {
        Driver.Navigate().GoToUrl(new Uri(fixture.HostOps.BaseUrl, "/ui/"));
        Script.ExecuteScript("sessionStorage.clear()");
        Driver.Navigate().GoToUrl(url);
        Find("#nav-overview");
        Driver.Url.ShouldNotContain("token=");
    }

    public void SignInAs(string role) => SignInWithUrl($"{fixture.HostOps.BaseUrl}ui/#token={fixture.HostOps.Token(role)}");

    /// <summary>Changes the hash route only: the page is not loaded again.</summary>
    public void Go(string route) => Script.ExecuteScript("location.hash = arguments[0]", route);

    public IWebElement Find(string css, double seconds = 20) =>
        fixture.Browser.Wait(seconds).Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed));

    /// <summary>Clicks the element once it shows, finding it again if a live update replaced it meanwhile.</summary>
    public void Click(string css, double seconds = 20) =>
        fixture.Browser.Wait(seconds).Until(d =>
        {
            d.FindElements(By.CssSelector(css)).First(e => e.Displayed).Click();
            return true;
        });

    public void WaitFor(Func<IWebDriver, bool> condition, double seconds = 20) =>
        fixture.Browser.Wait(seconds).Until(d => condition(d) ? d : null);

    public bool Exists(string css) => Driver.FindElements(By.CssSelector(css)).Any(e => e.Displayed);

    /// <summary>Marks this page load; <see cref="StillSameLoad"/> is false once the browser loaded the page again.</summary>
    public void MarkLoad() => Script.ExecuteScript("window.__uiTestMark = 'same-load'");

    public bool StillSameLoad() => Script.ExecuteScript("return window.__uiTestMark") as string == "same-load";

    public object? Run(string script, params object[] args) => Script.ExecuteScript(script, args);
}
