using Spectre.Console;

namespace PressRoom.Host.Cli;

/// <summary>Spectre console on stdout; wide when redirected so tables stay readable in logs and CI.</summary>
public static class Terminal
{
    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
