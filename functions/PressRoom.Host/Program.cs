using System.CommandLine;
using PressRoom.Host.Bench;
using PressRoom.Host.Cli;

var root = new RootCommand("pressroom — the PressRoom local runtime and tools")
{
    RunCommand.Create(),
    ServeCommand.Create(),
    UploadCommand.Create(),
    StatusCommand.Create(),
    BenchCommand.Create(),
    EntitiesCommand.Create(),
    EntitiesCommand.CreateEval(),
};
return await root.Parse(args).InvokeAsync();
