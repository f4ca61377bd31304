using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Page;

/// <summary>
/// Headless Debian Chromium driven by its own chromedriver (never a downloaded one), with a fresh profile and
/// every background network feature off, so a test run talks to nothing but the local runtime.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    readonly string profile;

    Browser(ChromeDriver driver, string profile)
    {
        Driver = driver;
        this.profile = profile;
    }

    public ChromeDriver Driver { get; }

    public static string? MissingReason =>
        File.Exists(ChromiumPath) && File.Exists(DriverPath)
            ? null
            : $"Chromium is not installed ({ChromiumPath}, {DriverPath}): apt-get install -y chromium chromium-driver (./test.sh does this as root).";

    public static string ScreenshotFolder => Path.Combine(RepoPaths.Root, "TestResults", "screenshots");

    public static Browser Start(int width = 1440, int height = 900)
    {
        var profile = Directory.CreateTempSubdirectory("pressroom-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--lang=en-GB", $"--user-data-dir={profile}", $"--window-size={width},{height}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        return new Browser(driver, profile);
    }

    public void Resize(int width, int height) => Driver.Manage().Window.Size = new Size(width, height);

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    public T Script<T>(string script, params object[] args) => (T)Driver.ExecuteScript(script, args)!;

    public void Hover(IWebElement element) => new Actions(Driver).MoveToElement(element).Perform();

    /// <summary>Polls until the condition holds; on timeout fails with what the page showed.</summary>
    public async Task<T> WaitAsync<T>(Func<T?> probe, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (probe() is { } value && !Equals(value, false))
                {
                    return value;
                }
            }
            catch (WebDriverException ex)
            {
                last = ex;
            }

            await Task.Delay(200);
        }

        var body = Driver.FindElement(By.TagName("body")).Text;
        throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0}s waiting for {what}. {last?.Message}\nPage text:\n{body[..Math.Min(body.Length, 3000)]}");
    }

    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>Errors the page logged to the console (uncaught exceptions, failed module loads).</summary>
    public IReadOnlyList<string> ConsoleErrors() =>
        Driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Severe).Select(e => e.Message).ToList();

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        finally
        {
            Driver.Dispose();
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be writing its profile as it exits; the temp folder is cleaned by the OS.
            }
        }
    }
}
