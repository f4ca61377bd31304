using System.CommandLine;
using PressRoom.Pipeline.Configuration;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Host.Cli;

/// <summary>
/// <c>pressroom entities FILE --json</c> and <c>pressroom eval GOLD_DIR</c>: thin wrappers over
/// <see cref="EntityCommand"/> and <see cref="EvalCommand"/> with the pipeline's registered reader and extractor.
/// Only the result goes to stdout; logs go to stderr.
/// </summary>
public static class EntitiesCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A release file in any format the document reader supports" };
        var json = new Option<bool>("--json") { Description = "Print the JSON result (the only format)" };
        var command = new Command("entities", "Extract entities from a release file") { file, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = Services();
            return await ActivatorUtilities.CreateInstance<EntityCommand>(services).RunAsync(parse.GetValue(file)!, Console.Out, ct);
        });
        return command;
    }

    public static Command CreateEval()
    {
        var goldDir = new Argument<string>("gold-dir") { Description = "Folder of *.gold.json files with their releases beside them, a CoNLL file with --conll, or a names list (.tsv) with --names" };
        var conll = new Option<bool>("--conll") { Description = "Score a CoNLL token-TAB-tag file: strict span P/R/F1 per type (PER, LOC, ORG) of the full extractor" };
        var names = new Option<bool>("--names") { Description = "Score the offline English names of institutions, roles and events on a gold list (Arabic, English, kind)" };
        var language = new Option<string?>("--language") { Description = "Language of the CoNLL file (ar, en); default: ar when it holds Arabic letters" };
        var combination = new Option<TaggerCombination?>("--combination") { Description = "How tagger and rules combine (default: the shipped choice); RulesOnly = the extractor without a model" };
        var errors = new Option<bool>("--errors") { Description = "With --conll: list every missed (-) and wrong (+) span" };
        var model = new Option<string?>("--model") { Description = "With --conll: score this tagger model file (written by pressroom train) instead of the committed model" };
        var command = new Command("eval", "Score the entity extractor against gold annotations") { goldDir, conll, names, language, combination, errors, model };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(names))
            {
                return await new NamesEvalCommand().RunAsync(parse.GetValue(goldDir)!, Console.Out, ct);
            }

            if (parse.GetValue(conll))
            {
                return await ConllEvalCommand.RunAsync(parse.GetValue(goldDir)!, parse.GetValue(language), parse.GetValue(combination), Console.Out, parse.GetValue(errors), ct, parse.GetValue(model));
            }

            await using var services = Services();
            var extractor = parse.GetValue(combination) is { } mode ? Pipeline.Entities.Builtin.BuiltinEntityExtractor.Create(mode) : services.GetRequiredService<IEntityExtractor>();
            return await new EvalCommand(services.GetRequiredService<IDocumentReader>(), extractor).RunAsync(parse.GetValue(goldDir)!, Console.Out, ct);
        });
        return command;
    }

    static ServiceProvider Services()
    {
        var configuration = CliConfiguration.Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        services.AddPressRoomPipeline(configuration);
        return services.BuildServiceProvider();
    }
}
