using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace PressRoom.Host.Cli;

/// <summary>
/// <c>pressroom watch</c>: live progress of a batch from the admin API's counts — completed, failed, running and
/// queued out of everything created in the window, and where the running ones are, stage by stage.
/// Ends when nothing is queued or running any more (or at <c>--timeout</c>).
/// </summary>
public static class WatchCommand
{
    static readonly string[] Stages = [TaskNames.ReadDocument, TaskNames.Translate, TaskNames.ExtractEntities, TaskNames.SaveResults];

    public static Command Create()
    {
        var url = AdminClient.UrlOption();
        var key = AdminClient.KeyOption();
        var since = new Option<string?>("--since") { Description = "Window start (ISO 8601; default: 1 hour ago)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to watch at most", DefaultValueFactory = _ => 600 };
        var interval = new Option<double>("--interval") { Description = "Seconds between polls", DefaultValueFactory = _ => 1 };
        var command = new Command("watch", "Live progress of the releases in a window, per status and per stage") { since, timeout, interval, url, key };
        command.SetAction(async (parse, ct) =>
        {
            var from = parse.GetValue(since) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) : DateTimeOffset.UtcNow.AddHours(-1);
            using var client = AdminClient.Create(parse.GetValue(url), parse.GetValue(key));
            var path = $"{ApiRoutes.Prefix}/{ApiRoutes.AdminInstanceCounts}?since={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}";
            var first = await client.SendAsync(HttpMethod.Get, path, null, ct);
            if (!first.Ok)
            {
                await Console.Error.WriteLineAsync(first.Error ?? $"HTTP {first.Status}");
                return first.Status == 0 ? 2 : 1;
            }

            var deadline = DateTime.UtcNow.AddSeconds(parse.GetValue(timeout));
            var console = Terminal.Create();
            var last = first.Body;
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
                .StartAsync(async progress =>
                {
                    var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                    foreach (var name in new[] { "Completed", "Failed", "Running", "Queued" }.Concat(Stages.Select(StageLabel)))
                    {
                        bars[name] = progress.AddTask(name, autoStart: true, maxValue: 1);
                    }

                    while (true)
                    {
                        Update(bars, last);
                        if (Idle(last) || DateTime.UtcNow > deadline || ct.IsCancellationRequested)
                        {
                            break;
                        }

                        await Task.Delay(TimeSpan.FromSeconds(parse.GetValue(interval)), ct);
                        var next = await client.SendAsync(HttpMethod.Get, path, null, ct);
                        if (next.Ok)
                        {
                            last = next.Body;
                        }
                    }

                    foreach (var bar in bars.Values)
                    {
                        bar.StopTask();
                    }
                });

            // Progress bars only draw on a terminal; logs and CI get the final numbers as a table.
            if (!console.Profile.Capabilities.Interactive)
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumn("Status").AddColumn(new TableColumn("Releases").RightAligned());
                foreach (var status in new[] { "Completed", "Failed", "Terminated", "Running", "Pending" })
                {
                    table.AddRow(status, Count(last, status).ToString(CultureInfo.InvariantCulture));
                }

                console.Write(table);
            }

            var failed = Count(last, "Failed");
            console.MarkupLine(failed == 0
                ? $"[green]{Count(last, "Completed")} completed[/], nothing failed."
                : $"[red]{failed} failed[/]: pressroom instances list --status Failed; pressroom instances retry --failed --reason \"…\"");
            return Idle(last) ? 0 : 1;
        });
        return command;
    }

    static string StageLabel(string stage) => $"  {stage}";

    static void Update(Dictionary<string, ProgressTask> bars, JsonElement counts)
    {
        var total = Math.Max(1, counts.GetProperty("total").GetInt32());
        void Set(string name, int value, string? note = null)
        {
            var bar = bars[name];
            bar.MaxValue = total;
            bar.Value = value;
            bar.Description = $"{name} [bold]{value}[/]/{total}" + (note is null ? string.Empty : $" [grey]{Markup.Escape(note)}[/]");
        }

        Set("Completed", Count(counts, "Completed"));
        Set("Failed", Count(counts, "Failed") + Count(counts, "Terminated"), Count(counts, "Terminated") > 0 ? $"incl. {Count(counts, "Terminated")} terminated" : null);
        Set("Running", Count(counts, "Running"));
        Set("Queued", Count(counts, "Pending"));
        var byStage = counts.GetProperty("byStage");
        foreach (var stage in Stages)
        {
            int running = 0, failed = 0;
            if (byStage.TryGetProperty(stage, out var perStatus))
            {
                running = perStatus.TryGetProperty("Running", out var r) ? r.GetInt32() : 0;
                failed = perStatus.TryGetProperty("Failed", out var f) ? f.GetInt32() : 0;
            }

            Set(StageLabel(stage), running, failed > 0 ? $"running; {failed} failed here" : "running");
        }
    }

    static bool Idle(JsonElement counts) => counts.GetProperty("total").GetInt32() > 0 && Count(counts, "Running") + Count(counts, "Pending") == 0;

    static int Count(JsonElement counts, string status) =>
        counts.GetProperty("byStatus").TryGetProperty(status, out var value) ? value.GetInt32() : 0;
}
