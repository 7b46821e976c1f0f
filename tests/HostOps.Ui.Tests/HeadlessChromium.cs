using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace HostOps.Ui.Tests;

/// <summary>
/// One headless Debian chromium through Debian's chromium-driver, both by explicit path: Selenium Manager is never
/// asked (and <c>SE_OFFLINE</c> forbids it anyway), so no browser or driver is downloaded.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";
    public static readonly Size Desktop = new(1280, 900);
    public static readonly Size Phone = new(390, 844);

    private readonly string _profile = Directory.CreateTempSubdirectory("hostops-ui-chromium-").FullName;

    public HeadlessChromium()
    {
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", $"--user-data-dir={_profile}", $"--window-size={Desktop.Width},{Desktop.Height}");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Missing =>
        File.Exists(BrowserPath) && File.Exists(DriverPath) ? null : $"{BrowserPath} or {DriverPath} is missing (scripts/ensure-chromium.sh installs them)";

    public ChromeDriver Driver { get; }

    /// <summary>A wait that polls every 100 ms and looks again when a live update replaced the element it had found.</summary>
    public WebDriverWait Wait(double seconds = 20)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { PollingInterval = TimeSpan.FromMilliseconds(100) };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        return wait;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // chromium's last writes may still be landing: a temporary profile left behind is harmless
        }
    }
}
