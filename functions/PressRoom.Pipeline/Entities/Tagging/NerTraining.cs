using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Pipeline.Entities.Builtin.Lexicon;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// One corpus file: under ../shared/data/ner, or with <paramref name="Own"/> the project's own data, relative to the
/// repository root (<c>training/…</c>, <c>eval/newswire/…</c>). MISC spans are kept as a tag only where the corpus uses
/// CoNLL-style MISC. A corpus in <paramref name="WireLayout"/> has its own headlines in capitals, so no upper-cased
/// copies of its sentences are added (measured: GUM dev 0.772 with them, 0.791 without; docs/entities.md, eleventh pass).
/// </summary>
public sealed record NerCorpus(string RelativePath, bool KeepMisc, bool Own = false, bool WireLayout = false)
{
    public string PathIn(string dataDir, string repoDir) => Path.Combine(Own ? repoDir : dataDir, RelativePath);

    /// <summary>
    /// A <c>--corpus</c> argument: <c>path[:nomisc]</c>, relative to the data folder, or to the repository when it starts
    /// with <c>training/</c> or <c>eval/</c>; a corpus of the shipped recipe keeps the recipe's flags (wire layout).
    /// </summary>
    public static NerCorpus Parse(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var path = argument.Split(':')[0];
        var keepMisc = !argument.EndsWith(":nomisc", StringComparison.Ordinal);
        return NerTraining.Train.Values.SelectMany(r => r).FirstOrDefault(c => c.RelativePath == path) is { } known
            ? known with { KeepMisc = keepMisc }
            : new(path, keepMisc, path.StartsWith("training/", StringComparison.Ordinal) || path.StartsWith("eval/", StringComparison.Ordinal));
    }

    /// <summary>The language of the corpus, from a folder or file name that starts with it (<c>en-gum/…</c>, <c>training/ar-newswire/…</c>).</summary>
    public bool IsLanguage(string language) => RelativePath.Split('/').Any(part => part.StartsWith(language + "-", StringComparison.Ordinal));
}

/// <summary>
/// <c>pressroom train</c>: trains the tagger of each language on the train splits, writes
/// <c>ner-{language}.bin</c>, and prints time and the dev scores of the full extractor with the new model.
/// The corpus lists below are the committed models' recipe; changing them means retraining and updating docs/entities.md.
/// </summary>
public sealed class NerTraining(TextWriter output)
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<NerCorpus>> Train = new Dictionary<string, IReadOnlyList<NerCorpus>>
    {
        // Chosen on dev (docs/entities.md): AQMAR (Wikipedia) lowered ANERcorp dev F1 0.704 → 0.677, and WNUT-17
        // (rare entities in social media) did not help the news sets, so the shipped recipe leaves both out.
        ["ar"] = [new("ar-anercorp/train.tsv", true), new("training/ar-newswire/train.tsv", true, Own: true)],
        // The project's own news stories (training/README.md, eleventh pass): more names nobody listed, and for English
        // the wire layout none of the shared English corpora has.
        ["en"] = [new("en-gum/train.tsv", true), new("en-gum/test.tsv", true), new("en-wikigold/train.tsv", true), new("en-btc/train.tsv", true),
            new("training/en-newswire/train.tsv", true, Own: true, WireLayout: true)],
    };

    /// <summary>
    /// Languages whose model has the document pass (chosen on dev, docs/entities.md): Arabic news gains about two
    /// points; English dev sets do not move, so English keeps the one-pass model and its speed.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, bool> DocumentPass = new Dictionary<string, bool> { ["ar"] = true, ["en"] = false };

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<NerCorpus>> Dev = new Dictionary<string, IReadOnlyList<NerCorpus>>
    {
        ["ar"] = [new("ar-anercorp/dev.tsv", true), new("ar-aqmar/dev.tsv", true)],
        ["en"] = [new("en-gum/dev.tsv", true), new("en-wikigold/dev.tsv", true), new("en-btc/dev.tsv", true), new("en-wnut17/dev.tsv", true),
            new("eval/newswire/en-newswire-dev.tsv", true, Own: true), new("eval/newswire/en-newswire-check.tsv", true, Own: true),
            new("eval/newswire/en-newswire-dev2.tsv", true, Own: true), new("eval/newswire/en-newswire-check2.tsv", true, Own: true)],
    };

    /// <param name="repoDir">The repository root: the project's own corpora (<see cref="NerCorpus.Own"/>) are read from there.</param>
    public async Task<int> RunAsync(string dataDir, string repoDir, string outputDir, IReadOnlyList<string> languages, TrainerOptions options, CancellationToken cancellationToken, IReadOnlyList<NerCorpus>? corpora = null)
    {
        ArgumentNullException.ThrowIfNull(languages);
        if (!Directory.Exists(dataDir))
        {
            await output.WriteLineAsync($"NotFound: no training data folder '{dataDir}' (expected ../shared/data/ner beside the repository).");
            return 2;
        }

        // Every corpus up front, dev sets included: a missing one would otherwise end a long run in an exception.
        var recipes = languages.ToDictionary(l => l, l => Recipe(l, corpora));
        var missing = recipes.SelectMany(r => r.Value.Concat(Dev.GetValueOrDefault(r.Key) ?? []))
            .Select(c => c.PathIn(dataDir, repoDir)).FirstOrDefault(path => !File.Exists(path));
        if (missing is not null)
        {
            await output.WriteLineAsync($"NotFound: no training corpus '{missing}' (run pressroom train from the repository root, or pass --data and --repo).");
            return 2;
        }

        Directory.CreateDirectory(outputDir);
        foreach (var language in languages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var model = TrainLanguage(dataDir, repoDir, language, options, recipes[language], line => output.WriteLine($"  [{language}] {line}"));
            var path = Path.Combine(outputDir, $"ner-{language}.bin");
            await using (var file = File.Create(path))
            {
                TaggerModelFormat.Write(model, file);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{language}: {model.Version}, {model.FeatureCount:N0} features, {new FileInfo(path).Length / 1024.0 / 1024.0:0.00} MB, trained in {seconds:0.0} s → {path}"));
            var extractor = new BuiltinEntityExtractor(BuiltinLexicon.Default, TaggerModels.Of(model));
            var taggerAlone = new BuiltinEntityExtractor(BuiltinLexicon.Default, TaggerModels.Of(model), TaggerCombination.TaggerOnly);
            foreach (var dev in Dev[language])
            {
                var sentences = ConllReader.ReadFile(dev.PathIn(dataDir, repoDir));
                var report = ConllEvaluator.Evaluate(sentences, language, extractor, cancellationToken: cancellationToken);
                await output.WriteLineAsync($"  dev {dev.RelativePath}:");
                foreach (var score in report.PerType.Append(report.Micro))
                {
                    await output.WriteLineAsync($"    {score}");
                }

                // The tagger alone, to tell model changes from combination changes.
                var alone = ConllEvaluator.Evaluate(sentences, language, taggerAlone, cancellationToken: cancellationToken);
                await output.WriteLineAsync($"    tagger alone: {alone.Micro}");
            }
        }

        return 0;
    }

    /// <summary>The <c>--corpus</c> files of <paramref name="language"/>, or the shipped recipe when there are none.</summary>
    static IReadOnlyList<NerCorpus> Recipe(string language, IReadOnlyList<NerCorpus>? corpora) =>
        corpora?.Where(c => c.IsLanguage(language)).ToList() is { Count: > 0 } chosen ? chosen : Train.GetValueOrDefault(language) ?? [];

    internal static TaggerModel TrainLanguage(string dataDir, string repoDir, string language, TrainerOptions options, IReadOnlyList<NerCorpus> recipe, Action<string>? progress = null)
    {
        var tags = new TagSet(TagSet.Default);

        // Headline-case copies only for English: Arabic has no letter case.
        var headlineEvery = language == "en" ? options.UppercaseEvery : 0;
        var builder = new TrainingSetBuilder(BuiltinLexicon.Default, tags);
        var data = new List<TrainingSequence>();
        foreach (var corpus in recipe)
        {
            var sentences = ConllReader.ReadFile(corpus.PathIn(dataDir, repoDir));
            sentences = [.. sentences, .. HeadlineCopies.Of(sentences, corpus.WireLayout ? 0 : headlineEvery)];

            IReadOnlySet<string> types = corpus.KeepMisc ? new HashSet<string> { "PER", "LOC", "ORG", "MISC" } : new HashSet<string> { "PER", "LOC", "ORG" };
            builder.Add(sentences, language, types, data);
            progress?.Invoke($"{corpus.RelativePath}: {sentences.Count:N0} sentences");
        }

        progress?.Invoke($"{data.Count:N0} sequences, {data.Sum(d => d.Gold.Length):N0} tokens");
        var twoPass = options.DocumentPass && DocumentPass.GetValueOrDefault(language);
        Func<string, string> describe = version =>
        {
            var facts = JsonSerializer.SerializeToNode(new
            {
                version,
                language,
                corpora = recipe.Select(c => c.RelativePath),
                options.Epochs,
                options.Seed,
                options.MinFeatureCount,
                options.PruneBelow,
                options.Ensemble,
                documentPass = twoPass,
                format = TaggerModelFormat.FormatVersion,
            })!.AsObject();

            // Recorded only when used, so the committed (perceptron) models keep their bytes.
            if (options.PassiveAggressiveC > 0)
            {
                facts.Add(nameof(options.PassiveAggressiveC), options.PassiveAggressiveC);
            }

            if (headlineEvery > 0)
            {
                facts.Add(nameof(options.UppercaseEvery), headlineEvery);
            }

            if (options.Trainer == TrainerKind.Crf)
            {
                facts.Add("trainer", "crf");
                facts.Add(nameof(options.L2), options.L2);
                facts.Add(nameof(options.Iterations), options.Iterations);
            }

            return facts.ToJsonString();
        };
        return twoPass
            ? new DocumentPassTrainer(options).Train(data, builder.Documents, tags, language, describe, progress)
            : TrainedWeights.Trainer(options).Train(data, tags, language, describe, progress);
    }
}
