namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// Trains a two-pass tagger by stacking: the first-pass tags that the document features of the training data are built
/// from come from models that did not see that document (cross-validation over <see cref="Folds"/> folds of
/// documents), so the second model learns how reliable first-pass tags are on unseen text, not on memorised text.
/// The first pass itself is trained on everything. Deterministic like <see cref="PerceptronTrainer"/>.
/// </summary>
internal sealed class DocumentPassTrainer(TrainerOptions options)
{
    public const int Folds = 4;

    public TaggerModel Train(IReadOnlyList<TrainingSequence> data, IReadOnlyList<ulong[]> documents, TagSet tags, string language, Func<string, string> describe, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(describe);

        // 1. Cross-validated first-pass tags of every training token (one perceptron per fold, or one CRF: cheaper, and close enough).
        var first = documents.Select(d => Enumerable.Repeat(tags.Outside, d.Length).ToArray()).ToArray();
        var foldOptions = options with { Ensemble = 1 };
        for (var fold = 0; fold < Folds; fold++)
        {
            var held = fold;
            var model = TrainedWeights.Trainer(foldOptions).Train(data.Where(s => s.Document % Folds != held).ToList(), tags, language, v => v);
            var tagger = new SequenceTagger(model);
            foreach (var seq in data.Where(s => s.Document % Folds == held))
            {
                tagger.Tag(seq).CopyTo(first[seq.Document].AsSpan(seq.First));
            }

            progress?.Invoke($"fold {fold + 1}/{Folds}: first-pass tags of the held-out documents");
        }

        // 2. The first pass on all the data; 3. the second pass on the data with document features added.
        var pass1 = TrainedWeights.Trainer(options).Train(data, tags, language, v => v, line => progress?.Invoke($"pass 1 {line}"));
        var features = new DocumentFeatures();
        var buffer = new FeatureBuffer();
        var stacked = new List<TrainingSequence>(data.Count);
        var indexed = -1;
        foreach (var seq in data)
        {
            if (seq.Document != indexed)
            {
                features.Index(documents[seq.Document], first[seq.Document], tags);
                indexed = seq.Document;
            }

            buffer.Clear();
            for (var k = 0; k < seq.Gold.Length; k++)
            {
                for (var f = seq.Offsets[k]; f < seq.Offsets[k + 1]; f++)
                {
                    buffer.Add(seq.Keys[f]);
                }

                features.Add(seq.First + k, documents[seq.Document], first[seq.Document], buffer);
                buffer.EndToken();
            }

            stacked.Add(seq with { Keys = buffer.ToKeys(), Offsets = buffer.ToOffsets() });
        }

        var pass2 = TrainedWeights.Trainer(options).Train(stacked, tags, language, v => v, line => progress?.Invoke($"pass 2 {line}"));

        // One version for both passes: it changes whenever either's weights do.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(pass1.Weights.ToArray().Concat(pass2.Weights.ToArray()).ToArray().AsSpan())))[..10];
        var version = $"ner-{language}-{TaggerModelFormat.FormatVersion}.{hash}";
        var metadata = describe(version);
        return new TaggerModel(version, language, metadata, tags.Names, pass1.Transitions, pass1.Keys, pass1.Weights.ToArray())
        {
            DocumentPass = new TaggerModel(version, language, metadata, tags.Names, pass2.Transitions, pass2.Keys, pass2.Weights.ToArray()),
        };
    }

    /// <summary>Tags one training sequence with a model (scores from its keys, constrained Viterbi).</summary>
    sealed class SequenceTagger(TaggerModel model)
    {
        readonly FeatureBuffer _buffer = new();
        readonly ViterbiDecoder _decoder = new();

        public int[] Tag(TrainingSequence seq)
        {
            _buffer.Clear();
            for (var k = 0; k < seq.Gold.Length; k++)
            {
                for (var f = seq.Offsets[k]; f < seq.Offsets[k + 1]; f++)
                {
                    _buffer.Add(seq.Keys[f]);
                }

                _buffer.EndToken();
            }

            var n = seq.Gold.Length;
            var scores = new float[n * model.Tags.Count];
            var tags = new int[n];
            model.Score(_buffer, scores);
            _decoder.Decode(scores, n, model.Transitions, model.Tags, tags);
            return tags;
        }
    }
}
