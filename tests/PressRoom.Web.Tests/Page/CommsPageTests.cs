using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using PressRoom.Pipeline.Storage;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Page;

/// <summary>
/// The comms page in headless Chromium against the real local runtime (real Azurite, real durable engine, the real API):
/// files go in through the page's file input exactly as a drop would hand them over.
/// </summary>
[Collection(RuntimeCollection.Name)]
public sealed partial class CommsPageTests(PageFixture fixture) : IClassFixture<PageFixture>
{
    static readonly TimeSpan Processing = TimeSpan.FromMinutes(2);
    static readonly TimeSpan Ui = TimeSpan.FromSeconds(20);

    Browser B => fixture.Browser;

    void Open(string fragment = "")
    {
        B.Resize(1440, 900);
        B.Driver.Navigate().GoToUrl(fixture.Url + fragment);
    }

    async Task<IWebElement> UploadAsync(string path)
    {
        var name = Path.GetFileName(path);
        B.Find("#file-input").SendKeys(path);
        return await B.WaitAsync(
            () => B.FindAll("#uploads .upload").FirstOrDefault(e => e.GetAttribute("data-file") == name && !string.IsNullOrEmpty(e.GetAttribute("data-status"))),
            Processing,
            $"the upload of {name} to end");
    }

    [ChromiumFact]
    public async Task The_page_is_served_at_the_root_with_its_assets_and_no_script_errors()
    {
        Open();

        await B.WaitAsync(() => B.Find("#auth-state").Text != "Checking access…", Ui, "the page script to start");
        Assert.Equal("PressRoom · Press releases", B.Driver.Title);
        Assert.Equal("rgb(11, 59, 91)", B.Script<string>("return getComputedStyle(document.querySelector('.topbar')).backgroundColor"));
        Assert.DoesNotContain(B.ConsoleErrors(), e => e.Contains("SyntaxError", StringComparison.Ordinal) || e.Contains("Uncaught", StringComparison.Ordinal));
        B.Screenshot("home-desktop");
        Accessibility.AssertNoSeriousViolations(B.Driver, "the comms page (home)");
        B.Resize(390, 844);
        Assert.True(B.Script<bool>("return document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at phone width.");
        B.Screenshot("home-phone");

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(fixture.Url));
        Assert.Equal(PressRoom.Web.PageHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [ChromiumFact]
    public async Task The_seed_release_uploaded_through_the_page_completes_and_reads_side_by_side_with_its_entities()
    {
        Open();
        var upload = await UploadAsync(RepoPaths.SeedRelease);
        Assert.Equal("Completed", upload.GetAttribute("data-status"));
        Assert.Equal(5, upload.FindElements(By.CssSelector(".step.is-done")).Count);

        upload.FindElement(By.CssSelector(".upload-outcome button")).Click();
        await B.WaitAsync(() => B.FindAll(".para-source").Count > 5, Ui, "the release view");

        // The Arabic column: right to left, Arabic, an Arabic-capable font first, Latin runs and numbers isolated.
        var paragraph = B.FindAll(".para-source").Skip(2).First();
        Assert.Equal("rtl", paragraph.GetAttribute("dir"));
        Assert.Equal("ar", paragraph.GetAttribute("lang"));
        Assert.Equal("right", paragraph.GetCssValue("text-align"));
        Assert.StartsWith("\"Noto Naskh Arabic\"", paragraph.GetCssValue("font-family"), StringComparison.Ordinal);
        var years = B.FindAll(".para-source bdi, .para-source mark").Where(e => e.Text.Contains("2019", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(years);
        Assert.All(years, e => Assert.Equal("isolate", e.GetCssValue("unicode-bidi")));

        // The seed's people, the UNOCT head among them, highlighted as Person.
        var people = B.FindAll(".para-source mark.ent[data-category='Person']").Select(m => m.Text).ToList();
        Assert.Contains(people, p => p.Contains("فورونكوف", StringComparison.Ordinal));
        Assert.Contains(people, p => p.Contains("الأنصاري", StringComparison.Ordinal));

        // Hovering the amount shows its normalized value.
        var amount = B.FindAll(".para-source mark.ent[data-category='Quantity']").First(m => m.Text.Contains("15 مليون دولار", StringComparison.Ordinal));
        B.Script<object?>("arguments[0].scrollIntoView({block: 'center'})", amount);
        B.Hover(amount);
        var popover = await B.WaitAsync(() => B.Find("#popover") is { Displayed: true } p ? p : null, Ui, "the entity card");
        Assert.Contains("15,000,000 USD", popover.Text, StringComparison.Ordinal);
        Assert.Contains("Amount", popover.Text, StringComparison.OrdinalIgnoreCase);
        B.Screenshot("release-entity-card-desktop");

        // No translation provider here: the page says so and still shows the English names.
        var notice = B.Find(".notice[data-translation]");
        Assert.Contains("English translation was skipped", notice.Text, StringComparison.Ordinal);
        var englishPeople = B.FindAll(".para-en mark.ent[data-category='Person']").Select(m => m.Text).ToList();
        Assert.NotEmpty(englishPeople);
        Assert.All(englishPeople, name => Assert.DoesNotMatch(ArabicLetters(), name));

        // The legend filters: hiding Person un-highlights every Person mention.
        var personChip = B.Find(".legend .chip[data-category='Person']");
        personChip.Click();
        Assert.Equal("false", personChip.GetAttribute("aria-pressed"));
        Assert.All(B.FindAll("mark.ent[data-category='Person']"), m => Assert.Contains("is-off", m.GetAttribute("class"), StringComparison.Ordinal));
        personChip.Click();

        B.Script<object?>("window.scrollTo(0, 0)");
        B.Screenshot("release-desktop");
        Accessibility.AssertNoSeriousViolations(B.Driver, "the comms page (release side by side with entities)");
        B.Resize(1440, 2600);
        B.Screenshot("release-desktop-full");

        B.Resize(390, 844);
        await Task.Delay(300);
        Assert.True(B.Script<bool>("return document.documentElement.scrollWidth <= window.innerWidth"), "The release view scrolls sideways at phone width.");
        B.Screenshot("release-phone");
        B.Script<object?>("document.querySelector('.para-row:nth-child(4)').scrollIntoView()");
        B.Screenshot("release-phone-text");
    }

    [ChromiumFact]
    public async Task A_hostile_file_shows_its_rejected_reason_and_never_a_stack_trace()
    {
        Open();
        var folder = Directory.CreateTempSubdirectory("pressroom-hostile-").FullName;
        try
        {
            // A "PDF" with no text in it and bytes that are not text in any encoding.
            var path = Path.Combine(folder, "scanned-statement.pdf");
            var bytes = new byte[4096];
            new Random(7).NextBytes(bytes);
            "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"u8.CopyTo(bytes);
            bytes[^1] = 0xFF;
            await File.WriteAllBytesAsync(path, bytes);

            var upload = await UploadAsync(path);

            Assert.Equal("Rejected", upload.GetAttribute("data-status"));
            var releaseId = upload.GetAttribute("data-release-id");
            var row = await fixture.Runtime.Services.GetRequiredService<ReleaseQueries>().GetAsync(releaseId!, CancellationToken.None);
            Assert.NotNull(row);
            var reason = row!.Reason;
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.Equal(reason, upload.FindElement(By.CssSelector(".reason")).Text);
            B.Screenshot("upload-rejected");

            // The release view says the same, and nothing on the page looks like a stack trace.
            B.Driver.Navigate().GoToUrl(fixture.Url + "#/release/" + releaseId);
            var notice = await B.WaitAsync(() => B.FindAll(".notice-warn").FirstOrDefault(), Ui, "the rejected release view");
            Assert.Contains(reason!, notice.Text, StringComparison.Ordinal);
            Assert.DoesNotMatch(StackTrace(), B.Find("body").Text);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [ChromiumFact]
    public async Task Entities_open_and_close_from_the_keyboard_and_every_control_is_labelled()
    {
        Open();
        var upload = await UploadAsync(RepoPaths.SeedRelease);
        Assert.Equal("Completed", upload.GetAttribute("data-status"));
        B.Driver.Navigate().GoToUrl(fixture.Url + "#/release/" + upload.GetAttribute("data-release-id"));
        await B.WaitAsync(() => B.FindAll(".para-source mark.ent").Count > 0, Ui, "highlighted entities");

        var first = B.Find(".para-source mark.ent");
        B.Script<object?>("arguments[0].focus()", first);
        first.SendKeys(Keys.Enter);
        var popover = await B.WaitAsync(() => B.Find("#popover") is { Displayed: true } p ? p : null, Ui, "the entity card from the keyboard");
        Assert.Equal("true", first.GetAttribute("aria-expanded"));
        Assert.Equal("popover", first.GetAttribute("aria-describedby"));
        new OpenQA.Selenium.Interactions.Actions(B.Driver).SendKeys(Keys.Escape).Perform();
        await B.WaitAsync(() => !popover.Displayed, Ui, "Escape to close the card");
        Assert.Equal(first, B.Driver.SwitchTo().ActiveElement());

        var unlabelled = B.Script<IReadOnlyCollection<object>>("""
            return [...document.querySelectorAll('input, select, textarea, button')]
              .filter(e => e.type !== 'hidden')
              .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
              .map(e => e.outerHTML.slice(0, 120));
            """);
        Assert.Empty(unlabelled);
    }

    [ChromiumFact]
    public async Task Searching_a_name_in_Arabic_lists_the_releases_that_mention_it()
    {
        Open();
        var upload = await UploadAsync(RepoPaths.SeedRelease);
        Assert.Equal("Completed", upload.GetAttribute("data-status"));
        var releaseId = upload.GetAttribute("data-release-id");

        B.Find("#search").SendKeys("فورونكوف");
        var chip = await B.WaitAsync(() => B.FindAll("#entity-matches .chip").FirstOrDefault(), Ui, "names matching the search");
        chip.Click();

        await B.WaitAsync(() => B.Find("#list-state").Text.Contains("mention", StringComparison.Ordinal), Ui, "the releases that mention the name");
        Assert.Equal("true", chip.GetAttribute("aria-pressed"));
        Assert.Contains(B.FindAll("#releases .release-link"), a => a.GetAttribute("data-release-id") == releaseId);
        B.Screenshot("search-by-name");
    }

    [ChromiumFact]
    public async Task With_an_api_key_configured_the_page_asks_for_it_once_and_keeps_it_for_the_tab()
    {
        const string key = "page-test-key-7f3a";
        await using var keyed = await TestRuntime.StartAsync(fixture.StorageConnection, false, $"Api:Key={key}");
        var url = keyed.Url.TrimEnd('/') + "/";
        B.Resize(1440, 900);
        B.Driver.Navigate().GoToUrl(url);

        // The first API call answers 401: the key dialog opens. A wrong key is refused with a message.
        var dialog = await B.WaitAsync(() => B.Find("#key-dialog") is { Displayed: true } d ? d : null, Ui, "the key dialog");
        B.Find("#key-input").SendKeys("wrong-key" + Keys.Enter);
        await B.WaitAsync(() => B.Find("#key-error") is { Displayed: true } e && e.Text.Contains("not accepted", StringComparison.Ordinal), Ui, "the wrong key to be refused");
        B.Screenshot("key-dialog");
        B.Find("#key-input").SendKeys(key + Keys.Enter);

        await B.WaitAsync(() => !dialog.Displayed && B.Find("#auth-state").Text == "Using your API key", Ui, "the page to use the key");
        Assert.Equal(key, B.Script<string>("return sessionStorage.getItem('pressroom.apiKey')"));

        // Kept for the tab: a reload asks nothing.
        B.Driver.Navigate().Refresh();
        await B.WaitAsync(() => B.Find("#auth-state").Text == "Using your API key", Ui, "the kept key to be used");
        Assert.False(B.Find("#key-dialog").Displayed);
        B.Script<object?>("sessionStorage.clear()");
    }

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetters();

    [GeneratedRegex(@"(\bat [\w.]+\(|\.cs:line \d+|Exception\b|   at )")]
    private static partial Regex StackTrace();
}
