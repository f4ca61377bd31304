using System.CommandLine;
using PressRoom.Pipeline.Entities.Tagging;

namespace PressRoom.Host.Cli;

/// <summary><c>pressroom train</c>: reproduces the committed tagger models from ../shared/data/ner (see docs/entities.md).</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder of the NER corpora", DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "ner") };
        var repo = new Option<string>("--repo") { Description = "The repository root: the project's own corpora (training/, eval/newswire/) are read from there", DefaultValueFactory = _ => "." };
        var output = new Option<string>("--output") { Description = "Where ner-{language}.bin are written", DefaultValueFactory = _ => Path.Combine("functions", "PressRoom.Pipeline", "Entities", "Tagging", "Models") };
        var epochs = new Option<int>("--epochs") { Description = "Perceptron epochs", DefaultValueFactory = _ => new TrainerOptions().Epochs };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times", DefaultValueFactory = _ => new TrainerOptions().MinFeatureCount };
        var ensemble = new Option<int>("--ensemble") { Description = "Perceptrons (seeds 14, 15, …) whose weights are averaged into the model", DefaultValueFactory = _ => new TrainerOptions().Ensemble };
        var paC = new Option<float>("--pa-c") { Description = "Passive-aggressive (PA-I) update with this aggressiveness instead of the perceptron step (0 = perceptron)", DefaultValueFactory = _ => new TrainerOptions().PassiveAggressiveC };
        var trainer = new Option<string>("--trainer") { Description = "perceptron (averaged, ensemble) or crf (linear-chain CRF, L-BFGS)", DefaultValueFactory = _ => "perceptron" };
        trainer.AcceptOnlyFromAmong("perceptron", "crf");
        var l2 = new Option<double>("--l2") { Description = "CRF: L2 penalty C (objective = NLL + C·|θ|²/2)", DefaultValueFactory = _ => new TrainerOptions().L2 };
        var iterations = new Option<int>("--iterations") { Description = "CRF: most L-BFGS iterations", DefaultValueFactory = _ => new TrainerOptions().Iterations };
        var upper = new Option<int>("--uppercase-every") { Description = "English: add an upper-cased copy of every N-th training sentence (0 = none)", DefaultValueFactory = _ => new TrainerOptions().UppercaseEvery };
        var onePass = new Option<bool>("--one-pass") { Description = "Train the first pass only (no document pass)" };
        var corpora = new Option<string[]>("--corpus") { Description = "Train on these files instead of the recipe (experiments): path[:nomisc] relative to --data, or to --repo when it starts with training/ or eval/", AllowMultipleArgumentsPerToken = true };
        var language = new Option<string[]>("--language") { Description = "Languages to train (ar, en)", DefaultValueFactory = _ => ["ar", "en"], AllowMultipleArgumentsPerToken = true };
        var command = new Command("train", "Train the builtin extractor's entity tagger models (deterministic) and print dev scores") { data, repo, output, epochs, minCount, ensemble, paC, trainer, l2, iterations, upper, onePass, language, corpora };
        command.SetAction(async (parse, ct) => await new NerTraining(Console.Out).RunAsync(
            parse.GetValue(data)!,
            parse.GetValue(repo)!,
            parse.GetValue(output)!,
            parse.GetValue(language)!,
            new TrainerOptions { Epochs = parse.GetValue(epochs), MinFeatureCount = parse.GetValue(minCount), Ensemble = parse.GetValue(ensemble), DocumentPass = !parse.GetValue(onePass), PassiveAggressiveC = parse.GetValue(paC),
                Trainer = parse.GetValue(trainer) == "crf" ? TrainerKind.Crf : TrainerKind.Perceptron, L2 = parse.GetValue(l2), Iterations = parse.GetValue(iterations), UppercaseEvery = parse.GetValue(upper),
            },
            ct,
            parse.GetValue(corpora)?.Select(NerCorpus.Parse).ToList()));
        return command;
    }
}
