using System.Text.Json;
using Deque.AxeCore.Commons;
using OpenQA.Selenium;

namespace PressRoom.Tests.Page;

/// <summary>
/// axe-core (the copy Deque.AxeCore.Commons bundles) run inside the page as it is shown: WCAG 2.x A/AA rules plus
/// axe's best practices. A serious or critical violation fails the test with each rule, its help text and the
/// elements it found. (Selenium.Axe 2.0.3 is built against Selenium 3 and does not bind to Selenium 4.)
/// </summary>
public static class Accessibility
{
    static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    public static void AssertNoSeriousViolations(IWebDriver driver, string what)
    {
        var js = (IJavaScriptExecutor)driver;

        // Injected through WebDriver, which the page's Content-Security-Policy does not govern.
        js.ExecuteScript(AxeScript.Value);
        var json = (string)js.ExecuteAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })
              .then(r => done(JSON.stringify({ passes: r.passes.length, violations: r.violations })))
              .catch(e => done(JSON.stringify({ error: String(e) })));
            """)!;
        using var result = JsonDocument.Parse(json);
        var root = result.RootElement;
        Assert.False(root.TryGetProperty("error", out var error), $"axe failed on {what}: {error}");
        Assert.True(root.GetProperty("passes").GetInt32() > 0, $"axe checked nothing on {what}.");
        var blocking = root.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"- {v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} — " +
                         string.Join("; ", v.GetProperty("nodes").EnumerateArray().Take(5).Select(n => n.GetProperty("target").ToString())))
            .ToList();
        Assert.True(blocking.Count == 0, $"{what}: {blocking.Count} serious or critical accessibility violation(s):\n{string.Join("\n", blocking)}");
    }
}
