namespace PressRoom.Tests.Infrastructure;

/// <summary>The built <c>pressroom</c> program of the same configuration as the tests, for child-process tests.</summary>
public static class PressroomBuild
{
    public static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Dll => Path.Combine(RepoPaths.Root, "functions", "PressRoom.Host", "bin", Configuration, "net10.0", "pressroom.dll");

    public static string FunctionsOutput => Path.Combine(RepoPaths.Root, "functions", "PressRoom.Functions", "bin", Configuration, "net10.0");
}
