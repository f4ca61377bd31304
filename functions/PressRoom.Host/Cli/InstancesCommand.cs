using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PressRoom.Pipeline.Admin;
using PressRoom.Pipeline.Storage;
using Spectre.Console;

namespace PressRoom.Host.Cli;

/// <summary>
/// <c>pressroom instances list|show|retry|terminate|purge</c>: the admin API from a terminal. Human tables by default,
/// <c>--json</c> prints the API's JSON for scripts. Exit code 0 on success, 1 when the host refused, 2 when unreachable.
/// </summary>
public static class InstancesCommand
{
    const string Api = ApiRoutes.Prefix + "/" + ApiRoutes.AdminInstances;

    public static Command Create()
    {
        var command = new Command("instances", "List, inspect and steer the release orchestrations");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Retry());
        command.Subcommands.Add(Terminate());
        command.Subcommands.Add(Purge());
        return command;
    }

    static Command List()
    {
        var (url, key, json) = Common();
        var status = new Option<string?>("--status") { Description = "Pending, Running, Completed, Failed, Terminated (comma-separated)" };
        var name = new Option<string?>("--name") { Description = "Orchestration name" };
        var release = new Option<string?>("--release") { Description = "Release id (or prefix) or part of the file name" };
        var from = new Option<string?>("--created-from") { Description = "ISO 8601" };
        var to = new Option<string?>("--created-to") { Description = "ISO 8601" };
        var top = new Option<int>("--top") { DefaultValueFactory = _ => 50 };
        var continuation = new Option<string?>("--continuation") { Description = "Token printed by the previous page" };
        var command = new Command("list", "List instances (newest backend order), with filters") { status, name, release, from, to, top, continuation, url, key, json };
        command.SetAction(async (parse, ct) =>
        {
            var query = Query(("status", parse.GetValue(status)), ("name", parse.GetValue(name)), ("release", parse.GetValue(release)),
                ("createdFrom", parse.GetValue(from)), ("createdTo", parse.GetValue(to)), ("top", parse.GetValue(top).ToString(CultureInfo.InvariantCulture)),
                ("continuation", parse.GetValue(continuation)));
            return await RunAsync(parse, url, key, json, HttpMethod.Get, $"{Api}{query}", null, PrintList, ct);
        });
        return command;
    }

    static void PrintList(IAnsiConsole console, JsonElement body)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Instance").AddColumn("File").AddColumn("Status").AddColumn("Stage")
            .AddColumn("Created").AddColumn(new TableColumn("Duration").RightAligned()).AddColumn("Last error");
        foreach (var row in body.GetProperty("instances").EnumerateArray())
        {
            table.AddRow(
                Esc(Str(row, "instanceId")),
                Esc(Str(row, "fileName") ?? "-"),
                StatusMarkup(Str(row, "status")),
                Esc(string.Join(" · ", new[] { Str(row, "stage"), Str(row, "reasonCode") }.Where(s => s is not null))),
                Esc(Time(row, "createdAt")),
                Esc(Ms(row, "durationMs")),
                Esc(Shorten(Str(row, "lastError") ?? string.Empty, 60)));
        }

        console.Write(table);
        if (Str(body, "continuation") is { } next)
        {
            console.MarkupLine($"[grey]More: --continuation {Esc(next)}[/]");
        }
    }

    static Command Show()
    {
        var (url, key, json) = Common();
        var id = new Argument<string>("id") { Description = "Instance id (release-…) or release id" };
        var command = new Command("show", "One instance: summary, failure and timeline") { id, url, key, json };
        command.SetAction((parse, ct) => RunAsync(parse, url, key, json, HttpMethod.Get, ApiRoutes.AdminInstanceUrl(InstanceId(parse.GetValue(id)!)), null, PrintDetail, ct));
        return command;
    }

    static void PrintDetail(IAnsiConsole console, JsonElement body)
    {
        var summary = body.GetProperty("summary");
        console.MarkupLine($"[bold]{Esc(Str(summary, "instanceId"))}[/] {StatusMarkup(Str(summary, "status"))}  {Esc(Str(summary, "fileName") ?? Str(summary, "name"))}");
        console.MarkupLine($"[grey]created {Esc(Time(summary, "createdAt"))}, duration {Esc(Ms(summary, "durationMs"))}, stage {Esc(Str(summary, "stage") ?? "-")}[/]");
        if (body.TryGetProperty("failure", out var failure))
        {
            for (var f = failure; f.ValueKind == JsonValueKind.Object; f = f.GetProperty("inner"))
            {
                console.MarkupLine($"[red]{Esc(Str(f, "errorType"))}[/]: {Esc(Str(f, "message"))}");
            }
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Kind").AddColumn("Name").AddColumn("Attempt").AddColumn("Start")
            .AddColumn(new TableColumn("Duration").RightAligned()).AddColumn("Outcome").AddColumn("Detail");
        foreach (var e in body.GetProperty("timeline").EnumerateArray())
        {
            table.AddRow(Esc(Str(e, "kind")), Esc(Str(e, "name")), e.GetProperty("attempt").GetInt32().ToString(CultureInfo.InvariantCulture), Esc(Time(e, "start")),
                Esc(Ms(e, "durationMs")), StatusMarkup(Str(e, "outcome")), Esc(Shorten(Str(e, "detail") ?? string.Empty, 70)));
        }

        console.Write(table);
    }

    static Command Retry()
    {
        var (url, key, json) = Common();
        var reason = ReasonOption();
        var id = new Argument<string?>("id") { Arity = ArgumentArity.ZeroOrOne, Description = "Instance or release id; omit with --failed" };
        var failed = new Option<bool>("--failed") { Description = "Retry every failed instance (bulk)" };
        var since = new Option<string?>("--since") { Description = "With --failed: created since (ISO 8601)" };
        var code = new Option<string?>("--reason-code") { Description = "With --failed: only failures with this reason code (e.g. ProviderRejected)" };
        var command = new Command("retry", "Restart an ended instance with the same input, or every failed one") { id, failed, since, code, reason, url, key, json };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(failed))
            {
                var query = Query(("since", parse.GetValue(since)), ("reason", parse.GetValue(code)));
                return await RunAsync(parse, url, key, json, HttpMethod.Post, $"{ApiRoutes.Prefix}/{ApiRoutes.AdminRetryFailed}{query}", parse.GetValue(reason), PrintBulk, ct);
            }

            if (parse.GetValue(id) is not { } target)
            {
                await Console.Error.WriteLineAsync("Give an instance id, or --failed for every failed instance.");
                return 2;
            }

            return await RunAsync(parse, url, key, json, HttpMethod.Post, ApiRoutes.AdminInstanceUrl(InstanceId(target), AdminActionNames.Restart), parse.GetValue(reason), PrintAction, ct);
        });
        return command;
    }

    static Command Terminate()
    {
        var (url, key, json) = Common();
        var reason = ReasonOption();
        var id = new Argument<string>("id") { Description = "Instance or release id" };
        var command = new Command("terminate", "Stop a running instance") { id, reason, url, key, json };
        command.SetAction((parse, ct) => RunAsync(parse, url, key, json, HttpMethod.Post, ApiRoutes.AdminInstanceUrl(InstanceId(parse.GetValue(id)!), AdminActionNames.Terminate), parse.GetValue(reason), PrintAction, ct));
        return command;
    }

    static Command Purge()
    {
        var (url, key, json) = Common();
        var reason = ReasonOption();
        var id = new Argument<string?>("id") { Arity = ArgumentArity.ZeroOrOne, Description = "Instance or release id; omit with --completed-before" };
        var before = new Option<string?>("--completed-before") { Description = "Bulk: ended before this time (ISO 8601)" };
        var status = new Option<string?>("--status") { Description = "Bulk: Completed, Failed, Terminated (comma-separated; default all three)" };
        var command = new Command("purge", "Delete ended instances and their history (the admin log keeps a record)") { id, before, status, reason, url, key, json };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(id) is { } target)
            {
                return await RunAsync(parse, url, key, json, HttpMethod.Delete, ApiRoutes.AdminInstanceUrl(InstanceId(target)), parse.GetValue(reason), PrintAction, ct);
            }

            if (parse.GetValue(before) is null)
            {
                await Console.Error.WriteLineAsync("Give an instance id, or --completed-before for a bulk purge.");
                return 2;
            }

            var query = Query(("completedBefore", parse.GetValue(before)), ("status", parse.GetValue(status)));
            return await RunAsync(parse, url, key, json, HttpMethod.Delete, $"{Api}{query}", parse.GetValue(reason), PrintBulk, ct);
        });
        return command;
    }

    static (Option<string?> Url, Option<string?> Key, Option<bool> Json) Common() =>
        (AdminClient.UrlOption(), AdminClient.KeyOption(), new Option<bool>("--json") { Description = "Print the API's JSON" });

    static Option<string> ReasonOption() => new("--reason") { Description = "Why (logged with the action and shown in the timeline)", Required = true };

    static async Task<int> RunAsync(
        ParseResult parse, Option<string?> url, Option<string?> key, Option<bool> json,
        HttpMethod method, string path, string? reason, Action<IAnsiConsole, JsonElement> print, CancellationToken cancellationToken)
    {
        using var client = AdminClient.Create(parse.GetValue(url), parse.GetValue(key));
        var response = await client.SendAsync(method, path, reason, cancellationToken);
        if (response.Status == 0)
        {
            await Console.Error.WriteLineAsync(response.Error);
            return 2;
        }

        if (parse.GetValue(json))
        {
            Console.WriteLine(JsonSerializer.Serialize(response.Body, PressRoomJson.Indented));
        }
        else if (response.Error is not null)
        {
            await Console.Error.WriteLineAsync($"HTTP {response.Status}: {response.Error}");
        }
        else
        {
            print(Terminal.Create(), response.Body);
        }

        return response.Ok ? 0 : 1;
    }

    static void PrintAction(IAnsiConsole console, JsonElement body) =>
        console.MarkupLine($"{Esc(Str(body, "action"))} {Esc(Str(body, "instanceId"))}: {StatusMarkup(Str(body, "outcome"))} — {Esc(Str(body, "message"))}");

    static void PrintBulk(IAnsiConsole console, JsonElement body)
    {
        foreach (var result in body.GetProperty("results").EnumerateArray())
        {
            PrintAction(console, result);
        }

        console.MarkupLine($"[bold]{Esc(Str(body, "action"))}[/]: {body.GetProperty("succeeded").GetInt32()} of {body.GetProperty("matched").GetInt32()} done.");
    }

    /// <summary>Accepts a release id as well as its instance id.</summary>
    internal static string InstanceId(string id) =>
        id.StartsWith(ReleaseIdentity.InstancePrefix, StringComparison.Ordinal) ? id : ReleaseIdentity.InstanceId(id);

    static string Query(params (string Name, string? Value)[] parameters)
    {
        var parts = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }

    internal static string StatusMarkup(string? status) => status switch
    {
        "Completed" or "Done" => $"[green]{status}[/]",
        "Failed" => "[red]Failed[/]",
        "Terminated" or "Conflict" or "NotSupported" => $"[yellow]{status}[/]",
        "Running" or "Pending" => $"[blue]{status}[/]",
        _ => Esc(status ?? "-"),
    };

    static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static string Time(JsonElement e, string name) =>
        Str(e, name) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";

    static string Ms(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble() < 1000 ? $"{v.GetDouble():0} ms" : (v.GetDouble() / 1000).ToString("0.0 s", CultureInfo.InvariantCulture)
            : "-";

    static string Esc(string? value) => Markup.Escape(value ?? string.Empty);

    static string Shorten(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
