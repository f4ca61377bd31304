namespace PressRoom.Tests.Infrastructure;

/// <summary>Paths of the repository and of the shared seed folder beside it, found from the test's working directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The read-only <c>shared/</c> folder beside the clone (the seed release and its gold annotations), or the folder
    /// named by <c>PRESSROOM_SHARED</c> (a git worktree checked out elsewhere has no <c>shared/</c> beside it).
    /// </summary>
    public static string Shared => Environment.GetEnvironmentVariable("PRESSROOM_SHARED") is { Length: > 0 } shared
        ? Path.GetFullPath(shared)
        : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string SeedRelease => Path.Combine(Shared, "seeds", "000_1462e021ac3cc625.txt");

    public static string SeedGold => Path.Combine(Shared, "seeds", "000_1462e021ac3cc625.gold.json");

    static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Serverless.sln not found above the test directory.");
    }
}
