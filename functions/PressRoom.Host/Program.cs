using System.CommandLine;
using PressRoom.Host.Bench;
using PressRoom.Host.Cli;

var root = new RootCommand("pressroom — the PressRoom local runtime and tools")
{
    RunCommand.Create(),
    ServeCommand.Create(),
    UploadCommand.Create(),
    StatusCommand.Create(),
    InstancesCommand.Create(),
    WatchCommand.Create(),
    BenchCommand.Create(),
    EntitiesCommand.Create(),
    EntitiesCommand.CreateEval(),
    TrainCommand.Create(),
    MigrateCommand.Create(),
};

// Our handler, not the library's: a user who forgot to start storage gets one line, not a stack trace.
return await CliErrors.RunAsync(
    () => root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }),
    Console.Error);
