using System.IO.Compression;
using System.Text;

namespace PressRoom.Pipeline.Entities.Tagging;

/// <summary>
/// The committed model file: gzip of a little-endian binary — magic "PRNER", format version, model version,
/// language, metadata (JSON text), tag names, transition weights (float32), then the feature keys in ascending
/// order and their weights as float16 (T per key); since format 2 a flag and, when set, the document pass's
/// transitions, keys and weights in the same layout. Writing the same model twice gives the same bytes.
/// </summary>
internal static class TaggerModelFormat
{
    /// <summary>Bumped whenever features or the layout change: older files are refused, not misread.</summary>
    public const int FormatVersion = 2;

    static readonly byte[] Magic = "PRNER"u8.ToArray();

    public static void Write(TaggerModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(model.Version);
        w.Write(model.Language);
        w.Write(model.Metadata);
        w.Write(model.Tags.Count);
        foreach (var tag in model.Tags.Names)
        {
            w.Write(tag);
        }

        foreach (var t in model.Transitions)
        {
            w.Write(t);
        }

        WriteWeights(w, model);
        w.Write(model.DocumentPass is not null);
        if (model.DocumentPass is { } second)
        {
            foreach (var t in second.Transitions)
            {
                w.Write(t);
            }

            WriteWeights(w, second);
        }
    }

    static void WriteWeights(BinaryWriter w, TaggerModel model)
    {
        w.Write(model.FeatureCount);
        foreach (var key in model.Keys)
        {
            w.Write(key);
        }

        foreach (var weight in model.Weights)
        {
            w.Write((Half)weight);
        }
    }

    public static TaggerModel Read(Stream input)
    {
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a PressRoom tagger model (bad magic).");
        }

        var format = r.ReadInt32();
        if (format != FormatVersion)
        {
            throw new InvalidDataException($"Tagger model format {format} is not supported (expected {FormatVersion}); retrain with 'pressroom train'.");
        }

        var version = r.ReadString();
        var language = r.ReadString();
        var metadata = r.ReadString();
        var tags = new string[r.ReadInt32()];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = r.ReadString();
        }

        var (transitions, keys, weights) = ReadWeights(r, tags.Length);
        TaggerModel? second = null;
        if (r.ReadBoolean())
        {
            var (t2, k2, w2) = ReadWeights(r, tags.Length);
            second = new TaggerModel(version, language, metadata, tags, t2, k2, w2);
        }

        return new TaggerModel(version, language, metadata, tags, transitions, keys, weights) { DocumentPass = second };
    }

    static (float[] Transitions, uint[] Keys, float[] Weights) ReadWeights(BinaryReader r, int tagCount)
    {
        var transitions = new float[(tagCount + 1) * tagCount];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = r.ReadSingle();
        }

        var keys = new uint[r.ReadInt32()];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = r.ReadUInt32();
        }

        var weights = new float[keys.Length * tagCount];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)r.ReadHalf();
        }

        return (transitions, keys, weights);
    }
}
