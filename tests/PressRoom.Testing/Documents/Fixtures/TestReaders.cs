using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Language;

namespace PressRoom.Tests.Documents.Fixtures;

/// <summary>A clock stopped at one instant, so year-less datelines resolve the same way every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public static class TestReaders
{
    /// <summary>"Today" for every reader test: 1 June 2026.</summary>
    public static readonly DateTimeOffset Today = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static DocumentReader Create(DocumentLimits? limits = null) => new(
        Options.Create(limits ?? new DocumentLimits()),
        new ScriptLanguageDetector(),
        new FixedClock(Today),
        NullLogger<DocumentReader>.Instance);

    public static Task<ReleaseDocument> ReadAsync(byte[] bytes, string name, DocumentLimits? limits = null) =>
        Create(limits).ReadAsync(new MemoryStream(bytes, writable: false), name, CancellationToken.None);
}
