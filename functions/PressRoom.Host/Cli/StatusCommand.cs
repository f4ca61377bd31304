using System.CommandLine;
using System.Text.Json;
using Azure.Data.Tables;
using PressRoom.Pipeline.Storage;
using Spectre.Console;

namespace PressRoom.Host.Cli;

/// <summary><c>pressroom status [ID]</c>: the releases table, or one release with its reason.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("id") { Arity = ArgumentArity.ZeroOrOne, Description = "Release id" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var top = new Option<int>("--top") { DefaultValueFactory = _ => 50 };
        var command = new Command("status", "Show processed releases") { id, json, top };
        command.SetAction(async (parse, ct) =>
        {
            var storage = CliConfiguration.Storage(CliConfiguration.Build());
            var rows = new List<TableEntity>();
            if (parse.GetValue(id) is { } releaseId)
            {
                if (await new ReleaseQueries(storage).GetAsync(releaseId, ct) is not { } row)
                {
                    await Console.Error.WriteLineAsync($"No release {releaseId}.");
                    return 1;
                }

                rows.Add(row);
            }
            else
            {
                await foreach (var row in storage.ReleasesTable.QueryAsync<TableEntity>(cancellationToken: ct))
                {
                    rows.Add(row);
                }

                rows = rows.OrderByDescending(r => r.GetDateTimeOffset("ReceivedAt")).Take(parse.GetValue(top)).ToList();
            }

            if (parse.GetValue(json))
            {
                var plain = rows.Select(r => r.Where(kv => kv.Key is not ("odata.etag")).ToDictionary(kv => kv.Key, kv => kv.Value));
                Console.WriteLine(JsonSerializer.Serialize(plain, PressRoomJson.Indented));
                return 0;
            }

            var console = Terminal.Create();
            console.Write(ReleaseTable.Render(rows));
            foreach (var row in rows.Where(r => r.GetString("Reason") is not null))
            {
                console.MarkupLine($"[grey]{Markup.Escape(row.GetString("ReleaseId") ?? row.RowKey)}[/]: {Markup.Escape(row.GetString("ReasonCode") ?? string.Empty)} — {Markup.Escape(row.GetString("Reason")!)}");
            }

            return 0;
        });
        return command;
    }
}
