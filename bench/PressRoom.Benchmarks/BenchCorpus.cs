using System.Text;

namespace PressRoom.Benchmarks;

/// <summary>Benchmark inputs made from the project's own gold releases (eval/gold), repeated to a requested size.</summary>
public static class BenchCorpus
{
    /// <summary>The gold releases of one language (<c>ar</c> or <c>en</c>), in file order.</summary>
    public static IReadOnlyList<string> Releases(string language)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
        {
            dir = dir.Parent;
        }

        var gold = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository."), "eval", "gold");
        return Directory.GetFiles(gold, $"{language}-*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
    }

    /// <summary>The releases of <paramref name="language"/> joined and repeated to about <paramref name="sizeBytes"/> UTF-8 bytes, cut at a space.</summary>
    public static string Text(string language, int sizeBytes)
    {
        var corpus = string.Join("\n\n", Releases(language)) + "\n\n";
        var builder = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < sizeBytes)
        {
            builder.Append(corpus);
        }

        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        var cut = Encoding.UTF8.GetString(bytes, 0, Math.Min(sizeBytes, bytes.Length));
        var space = cut.LastIndexOf(' ');
        return space > 0 ? cut[..space] : cut;
    }
}
