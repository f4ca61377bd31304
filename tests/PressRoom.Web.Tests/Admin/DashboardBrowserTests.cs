using Microsoft.DurableTask.Client;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using PressRoom.Pipeline.Workflow;
using PressRoom.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PressRoom.Tests.Admin;

/// <summary>
/// The dashboard in a real browser (Debian's headless Chromium through chromedriver) against the real runtime:
/// sign in with the admin key, see the seed release, open it, retry a failed release from the page.
/// Screenshots land in TestResults/screenshots.
/// </summary>
[Collection(RuntimeCollection.Name)]
public sealed class DashboardBrowserTests(AdminRuntimeFixture fixture, ITestOutputHelper output) : IClassFixture<AdminRuntimeFixture>
{
    const string Chromium = "/usr/bin/chromium";
    const string ChromeDriver = "/usr/bin/chromedriver";

    static string Screenshots => Path.Combine(RepoPaths.Root, "TestResults", "screenshots");

    [SkippableFact]
    public async Task Admin_sees_the_seed_release_opens_it_and_retries_a_failed_release_from_the_page()
    {
        Skip.IfNot(File.Exists(Chromium) && File.Exists(ChromeDriver), "Chromium is not installed: apt-get install chromium chromium-driver (./test.sh does it as root).");

        var seed = await fixture.StartReleaseAsync("seed/000_1462e021ac3cc625.txt");
        var failing = await fixture.StartReleaseAsync("browser/needs-retry.txt", "[[fail:browser]]");
        await fixture.WaitForStatusAsync(seed, OrchestrationRuntimeStatus.Completed);
        await fixture.WaitForStatusAsync(failing, OrchestrationRuntimeStatus.Failed);

        Directory.CreateDirectory(Screenshots);
        var profile = Directory.CreateTempSubdirectory("pressroom-chromium-");
        try
        {
            using var driver = StartBrowser(profile.FullName);
            var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(30));
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));

            driver.Navigate().GoToUrl($"{fixture.Runtime.Url}/admin");
            wait.Until(d => d.FindElement(By.CssSelector("#instances tbody td")).Text.Contains("API key", StringComparison.Ordinal));
            driver.FindElement(By.Id("api-key")).SendKeys(AdminRuntimeFixture.AdminKey);
            driver.FindElement(By.CssSelector("#key-form button")).Click();

            var seedRow = By.CssSelector($"#instances tr[data-instance='{ReleaseIdentity.InstanceId(seed)}']");
            wait.Until(d => d.FindElement(seedRow).Text.Contains("Completed", StringComparison.Ordinal));
            wait.Until(d => d.FindElement(By.Id("count-Completed")).Text != "–");
            Assert.Contains("seed/000_1462e021ac3cc625.txt", driver.FindElement(seedRow).Text);
            Save(driver, "1-dashboard");
            PressRoom.Tests.Page.Accessibility.AssertNoSeriousViolations(driver, "the dashboard (instance list)");

            Click(wait, seedRow);
            // ReadDocument (which detects the language), its ExtractEntities stage, Translate, SaveResults.
            wait.Until(d => d.FindElement(By.Id("detail")).Displayed && d.FindElements(By.CssSelector("#timeline .tl-row.activity")).Count >= 3
                && d.FindElements(By.CssSelector($"#timeline .tl-row.stage[data-name='{TaskNames.ExtractEntities}']")).Count >= 1);
            Assert.Contains(seed, driver.FindElement(By.Id("d-title")).Text);
            Assert.Equal("Completed", driver.FindElement(By.Id("d-status")).Text);
            Save(driver, "2-seed-instance");
            PressRoom.Tests.Page.Accessibility.AssertNoSeriousViolations(driver, "the dashboard (instance detail)");

            var failedRow = By.CssSelector($"#instances tr[data-instance='{ReleaseIdentity.InstanceId(failing)}']");
            Click(wait, failedRow);
            wait.Until(d => d.FindElement(By.Id("d-failure")).Displayed && d.FindElement(By.Id("d-status")).Text == "Failed");
            Assert.Contains("refused release browser", driver.FindElement(By.Id("d-failure")).Text);
            Save(driver, "3-failed-instance");

            // The provider is fixed; retry from the page, with a reason, through the confirmation dialog.
            fixture.Script.Heal("browser");
            wait.Until(d => d.FindElement(By.CssSelector("#detail [data-action=restart]")).Enabled);
            Click(wait, By.CssSelector("#detail [data-action=restart]"));
            wait.Until(d => d.FindElement(By.Id("confirm")).Displayed);
            driver.FindElement(By.Id("confirm-reason")).SendKeys("entity provider fixed");
            Save(driver, "4-confirm-retry");
            driver.FindElement(By.Id("confirm-ok")).Click();

            await fixture.WaitForStatusAsync(failing, OrchestrationRuntimeStatus.Completed);
            wait.Until(d => d.FindElement(By.Id("d-status")).Text == "Completed"
                && d.FindElements(By.CssSelector("#timeline .tl-row.admin")).Any(r => r.Text.Contains("entity provider fixed", StringComparison.Ordinal)));
            Save(driver, "5-retried-instance");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    /// <summary>The page refreshes every few seconds; a click that meets a replaced element is simply tried again.</summary>
    static void Click(WebDriverWait wait, By by) => wait.Until(d =>
    {
        d.FindElement(by).Click();
        return true;
    });

    static ChromeDriver StartBrowser(string profile)
    {
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1440,1100", $"--user-data-dir={profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    void Save(IWebDriver driver, string name)
    {
        var path = Path.Combine(Screenshots, $"admin-{name}.png");
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(path);
        output.WriteLine($"Screenshot: {path}");
    }
}
