using OpenQA.Selenium;
using Xunit;

namespace HostOps.Ui.Tests;

/// <summary>
/// What every dashboard test shares: one running HostOps and one browser, started once for the class. Without
/// chromium the tests fail on CI (<c>CI=true</c>) and are skipped, with the reason, elsewhere.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DashboardFixture : IAsyncLifetime
{
    private HeadlessChromium? _browser;

    public RunningHostOps HostOps { get; } = new();

    public HeadlessChromium Browser => _browser ?? throw new InvalidOperationException("no browser");

    public IWebDriver Driver => Browser.Driver;

    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "ui-screenshots");

    public async ValueTask InitializeAsync()
    {
        if (HeadlessChromium.Missing is not null)
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        await HostOps.StartAsync(TestContext.Current.CancellationToken);
        _browser = new HeadlessChromium();
    }

    /// <summary>Skips (or on CI fails) the calling test when chromium is not installed.</summary>
    public static void RequireBrowser()
    {
        if (HeadlessChromium.Missing is { } reason)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI=true and the browser tests cannot run: {reason}");
            }

            Assert.Skip(reason);
        }
    }

    public void Screenshot(string name) =>
        ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(Path.Combine(ScreenshotDirectory, name + ".png"));

    public async ValueTask DisposeAsync()
    {
        _browser?.Dispose();
        await HostOps.DisposeAsync();
    }
}
