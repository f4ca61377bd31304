using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using PressRoom.Functions;
using PressRoom.Tests.Infrastructure;

namespace PressRoom.Tests.Page;

/// <summary>The comms page as both hosts serve it: every file embedded, nothing loaded from elsewhere, the Functions trigger anonymous.</summary>
public sealed partial class PageFilesTests
{
    static readonly string PageFolder = Path.Combine(RepoPaths.Root, "functions", "PressRoom.Web", "wwwroot", "app");
    static readonly string DashboardFolder = Path.Combine(RepoPaths.Root, "functions", "PressRoom.Web", "wwwroot", "admin");

    [Fact]
    public void Every_file_of_the_page_folder_is_embedded_with_its_content_type()
    {
        var files = EmbeddedSite.CommsPage(StaticPages.LocalBasePath);
        var onDisk = Directory.GetFiles(PageFolder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(onDisk, files.Names.Order(StringComparer.Ordinal).ToList());
        Assert.Equal("text/html; charset=utf-8", files.Find("")!.ContentType);
        Assert.Equal("text/javascript; charset=utf-8", files.Find("app.js")!.ContentType);
        Assert.Equal("text/css; charset=utf-8", files.Find("app.css")!.ContentType);
        Assert.Equal("image/svg+xml", files.Find("icon.svg")!.ContentType);
    }

    [Theory]
    [InlineData("/app/")]
    [InlineData("/api/app/")]
    public void The_index_points_its_assets_at_the_mount_path(string basePath)
    {
        var index = Encoding.UTF8.GetString(EmbeddedSite.CommsPage(basePath).Index.Content);

        Assert.DoesNotContain("__BASE__", index, StringComparison.Ordinal);
        Assert.Contains($"<script type=\"module\" src=\"{basePath}app.js\">", index, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{basePath}app.css\">", index, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../PressRoom.Pipeline.dll")]
    [InlineData("..%2Fapp.js")]
    [InlineData("sub/app.js")]
    [InlineData("app.js\\..\\index.html")]
    [InlineData("missing.js")]
    public void Paths_outside_the_flat_page_folder_are_not_found(string path)
    {
        Assert.Null(EmbeddedSite.CommsPage(StaticPages.LocalBasePath).Find(path));
    }

    [Fact]
    public void The_page_loads_nothing_from_another_origin()
    {
        foreach (var file in Directory.GetFiles(PageFolder))
        {
            var text = File.ReadAllText(file);

            // No CDN, no web fonts, no analytics: only the SVG namespace URI is allowed to look like a URL.
            var urls = ExternalUrl().Matches(text).Select(m => m.Value).Where(u => u != "http://www.w3.org/2000/svg").ToList();
            Assert.True(urls.Count == 0, $"{Path.GetFileName(file)} references {string.Join(", ", urls)}");
            Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_script_the_index_loads_and_every_module_it_imports_is_embedded()
    {
        var files = EmbeddedSite.CommsPage(StaticPages.LocalBasePath);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in files.Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal) || n == "index.html"))
        {
            var text = Encoding.UTF8.GetString(files.Find(name)!.Content);
            foreach (Match m in LocalReference().Matches(text))
            {
                referenced.Add(m.Groups["file"].Value);
            }
        }

        Assert.Contains("app.js", referenced);
        Assert.Contains("api.js", referenced);
        Assert.All(referenced, file => Assert.NotNull(files.Find(file)));
    }

    [Fact]
    public void The_functions_trigger_serves_the_page_under_api_app_with_the_page_headers()
    {
        var function = new CommsPageFunction();
        var context = new DefaultHttpContext();

        var result = Assert.IsType<FileContentResult>(function.Run(context.Request, null));

        var html = Encoding.UTF8.GetString(result.FileContents);
        Assert.Equal("text/html; charset=utf-8", result.ContentType);
        Assert.Contains("src=\"/api/app/app.js\"", html, StringComparison.Ordinal);
        Assert.Equal(PageHeaders.ContentSecurityPolicy, context.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());

        var script = Assert.IsType<FileContentResult>(function.Run(new DefaultHttpContext().Request, "release-view.js"));
        Assert.Equal("text/javascript; charset=utf-8", script.ContentType);
        Assert.IsType<NotFoundResult>(function.Run(new DefaultHttpContext().Request, "../host.json"));
    }

    [Fact]
    public void The_functions_trigger_answers_304_to_a_matching_etag()
    {
        var function = new CommsPageFunction();
        var first = new DefaultHttpContext();
        function.Run(first.Request, "app.css");
        var again = new DefaultHttpContext();
        again.Request.Headers.IfNoneMatch = first.Response.Headers.ETag;

        var result = Assert.IsType<StatusCodeResult>(function.Run(again.Request, "app.css"));
        Assert.Equal(StatusCodes.Status304NotModified, result.StatusCode);
    }

    [Fact]
    public void Every_file_of_the_dashboard_folder_is_embedded_with_its_content_type()
    {
        var site = EmbeddedSite.Dashboard(AdminEndpoints.LocalDashboardPath);
        var onDisk = Directory.GetFiles(DashboardFolder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(onDisk, site.Names.Order(StringComparer.Ordinal).ToList());
        Assert.Equal("text/html; charset=utf-8", site.Index.ContentType);
        Assert.Equal("text/javascript; charset=utf-8", site.Find("admin.js")!.ContentType);
        Assert.Equal("text/css; charset=utf-8", site.Find("admin.css")!.ContentType);
        Assert.Null(site.Find("../app/app.js"));
        Assert.Null(site.Find("app.js"));
    }

    [Fact]
    public async Task The_functions_dashboard_trigger_serves_the_dashboard_with_its_policy_and_answers_304_to_a_matching_etag()
    {
        var first = await DashboardAsync("admin.css", null);

        Assert.Equal(StatusCodes.Status200OK, first.Response.StatusCode);
        Assert.Equal("text/css; charset=utf-8", first.Response.ContentType);
        Assert.Equal(PageHeaders.DashboardContentSecurityPolicy, first.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("no-cache", first.Response.Headers.CacheControl.ToString());
        Assert.Equal("nosniff", first.Response.Headers.XContentTypeOptions.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(DashboardFolder, "admin.css")), ((MemoryStream)first.Response.Body).ToArray());

        var again = await DashboardAsync("admin.css", first.Response.Headers.ETag.ToString());
        Assert.Equal(StatusCodes.Status304NotModified, again.Response.StatusCode);

        var missing = await DashboardAsync("../host.json", null);
        Assert.Equal(StatusCodes.Status404NotFound, missing.Response.StatusCode);
    }

    static async Task<DefaultHttpContext> DashboardAsync(string file, string? ifNoneMatch)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        };
        context.Response.Body = new MemoryStream();
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        var result = Assert.IsType<ApiResult>(await AdminFunctions.Dashboard(context.Request, file));
        await result.ExecuteResultAsync(new ActionContext { HttpContext = context });
        return context;
    }

    [Fact]
    public void The_functions_metadata_has_an_anonymous_get_trigger_for_the_page()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepoPaths.Root, "functions", "PressRoom.Functions", "bin", configuration, "net10.0", "functions.metadata");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var function = json.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "CommsPage");
        var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");

        Assert.Equal("app/{*path}", trigger.GetProperty("route").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [GeneratedRegex(@"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s""')]*")]
    private static partial Regex ExternalUrl();

    /// <summary>src="__BASE__x.js", href="__BASE__x.css", import ... from "./x.js".</summary>
    [GeneratedRegex(@"(?:__BASE__|/app/|\./)(?<file>[\w.-]+\.(?:js|css|svg))")]
    private static partial Regex LocalReference();
}
