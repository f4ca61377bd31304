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
            if (parse.GetValue(json))
            {
                // --json prints every stored column, so it reads untyped rows.
                var raw = await ReadAsync<TableEntity>(storage, parse.GetValue(id), parse.GetValue(top), r => r.GetDateTimeOffset(nameof(ReleaseRow.ReceivedAt)), ct);
                if (raw is null)
                {
                    await Console.Error.WriteLineAsync($"No release {parse.GetValue(id)}.");
                    return 1;
                }

                var plain = raw.Select(r => r.Where(kv => kv.Key is not ("odata.etag")).ToDictionary(kv => kv.Key, kv => kv.Value));
                Console.WriteLine(JsonSerializer.Serialize(plain, PressRoomJson.Indented));
                return 0;
            }

            var rows = await ReadAsync<ReleaseRow>(storage, parse.GetValue(id), parse.GetValue(top), r => r.ReceivedAt, ct);
            if (rows is null)
            {
                await Console.Error.WriteLineAsync($"No release {parse.GetValue(id)}.");
                return 1;
            }

            var console = Terminal.Create();
            console.Write(ReleaseTable.Render(rows));
            foreach (var row in rows.Where(r => r.Reason is not null))
            {
                console.MarkupLine($"[grey]{Markup.Escape(row.Id)}[/]: {Markup.Escape(row.ReasonCode ?? string.Empty)} — {Markup.Escape(row.Reason!)}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>One release (null when unknown), or the newest <paramref name="top"/> releases.</summary>
    static async Task<List<T>?> ReadAsync<T>(PressRoomStorage storage, string? releaseId, int top, Func<T, DateTimeOffset?> receivedAt, CancellationToken ct)
        where T : class, ITableEntity, new()
    {
        if (releaseId is not null)
        {
            var one = await storage.ReleasesTable.GetEntityIfExistsAsync<T>(
                TableKeys.Sanitize(ReleaseIdentity.DocumentIdOf(releaseId)), TableKeys.Sanitize(releaseId), cancellationToken: ct);
            return one.HasValue ? [one.Value!] : null;
        }

        var rows = new List<T>();
        await foreach (var row in storage.ReleasesTable.QueryAsync<T>(cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows.OrderByDescending(receivedAt).Take(top).ToList();
    }
}
