using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PressRoom.Host.Runtime;
using PressRoom.Pipeline.Telemetry;

namespace PressRoom.Tests.Cli;

/// <summary>Issue 18: names and reasons reach the console log escaped, one line per entry.</summary>
public sealed class ConsoleLogEscapingTests
{
    [Fact]
    public void A_file_name_with_CR_ESC_and_bidi_controls_is_one_visible_line_in_the_console_log()
    {
        var name = "report\r12:00:00.000 info: Forged[0] all good\u001b[2J\u202Etxt.exe\u0085.txt";
        var exception = new InvalidOperationException("reason with\nnew line and \u001b]0;title\u0007");
        var entry = new LogEntry<string>(LogLevel.Warning, "PressRoom.Test", new EventId(7), $"Rejected {name}", exception, (s, _) => s);
        using var output = new StringWriter();

        new EscapingConsoleFormatter().Write(in entry, null, output);

        var text = output.ToString();
        var lines = text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.DoesNotContain(text.TrimEnd('\r', '\n'), c => char.IsControl(c) || c is '\u202E');
        Assert.Contains(@"report\r12:00:00.000 info: Forged[0] all good\u001B[2J\u202Etxt.exe\u0085.txt", lines[0], StringComparison.Ordinal);
        Assert.Contains(@"reason with\nnew line and \u001B]0;title\u0007", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{3} warn: PressRoom\.Test\[7\] Rejected ", lines[0]);
    }

    [Theory]
    [InlineData("plain نص عربي.txt", "plain نص عربي.txt")]
    [InlineData("tab\tand\u2066isolate\u2069", @"tab\tand\u2066isolate\u2069")]
    [InlineData("nonchar\uFFFE.txt", @"nonchar\uFFFE.txt")]
    public void LogText_escapes_only_what_a_terminal_would_act_on(string input, string expected) =>
        Assert.Equal(expected, LogText.Escape(input));
}
