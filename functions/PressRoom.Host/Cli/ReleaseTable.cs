using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace PressRoom.Host.Cli;

/// <summary>Renders <c>Releases</c> rows as the results table of <c>pressroom run</c> and <c>pressroom status</c>.</summary>
public static class ReleaseTable
{
    public static Table Render(IEnumerable<ReleaseRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Release").AddColumn("Id").AddColumn("Lang").AddColumn("Status").AddColumn(new TableColumn("Duration").RightAligned())
            .AddColumn("Entities").AddColumn("Translation");
        foreach (var row in rows)
        {
            var status = row.Status ?? "?";
            var statusMarkup = status switch
            {
                "Completed" => "[green]Completed[/]",
                "Rejected" => $"[yellow]Rejected[/] {Markup.Escape(row.ReasonCode ?? string.Empty)}",
                "Failed" => $"[red]Failed[/] {Markup.Escape(row.ReasonCode ?? string.Empty)}",
                _ => Markup.Escape(status),
            };
            var duration = row.DurationMs is { } ms ? (ms / 1000).ToString("0.0 s", CultureInfo.InvariantCulture) : "-";
            table.AddRow(
                Markup.Escape(Shorten(row.SourceBlob ?? string.Empty, 40)),
                Markup.Escape(row.Id),
                Markup.Escape(row.Language ?? "-"),
                statusMarkup,
                duration,
                Markup.Escape(EntityCounts(row.EntityCounts)),
                Markup.Escape(row.TranslationStatus ?? "-"));
        }

        return table;
    }

    /// <summary>"Person 3, Organization 5, …" for the source language.</summary>
    static string EntityCounts(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return "-";
        }

        var byLanguage = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(json);
        var first = byLanguage?.Values.FirstOrDefault();
        return first is null || first.Count == 0 ? "0" : string.Join(", ", first.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"));
    }

    static string Shorten(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
