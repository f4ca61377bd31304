using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Language;
using PressRoom.Pipeline.Entities;

namespace PressRoom.Host.Cli;

/// <summary>
/// <c>pressroom entities FILE --json</c>: reads FILE with the registered document reader, detects its language,
/// extracts entities and prints exactly one JSON object to stdout (logs go to the logger, never to stdout).
/// Exit codes: 0 success, 2 the file cannot be read (error JSON with the reader's reason code).
/// </summary>
public sealed class EntityCommand(IDocumentReader reader, IEntityExtractor extractor, ILanguageDetector detector, ILogger<EntityCommand>? logger = null)
{
    public const int Success = 0;
    public const int Unreadable = 2;

    readonly ILogger _logger = logger ?? NullLogger<EntityCommand>.Instance;

    public async Task<int> RunAsync(string file, TextWriter stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ReleaseDocument document;
        try
        {
            await using var stream = File.OpenRead(file);
            document = await reader.ReadAsync(stream, Path.GetFileName(file), cancellationToken);
        }
        catch (DocumentRejectedException ex)
        {
            _logger.LogWarning("Entities: {File} rejected with {Reason}", file, ex.Reason);
            await stdout.WriteLineAsync(EntityCliOutput.Error(ex.Reason.ToString(), ex.Message));
            return Unreadable;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            await stdout.WriteLineAsync(EntityCliOutput.Error("NotFound", $"The file '{Path.GetFullPath(file)}' does not exist."));
            return Unreadable;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            await stdout.WriteLineAsync(EntityCliOutput.Error("Unreadable", $"The file '{file}' cannot be opened: {ex.Message}"));
            return Unreadable;
        }

        var language = document.Language ?? detector.Detect(document.Text).Language;
        var result = await extractor.ExtractAsync(new EntityRequest(document.Text, language, document.Dateline?.Date), cancellationToken);
        _logger.LogInformation("Entities: {File} ({Language}) gave {Count} entities from {Provider}", file, language, result.Entities.Count, result.Provider);
        await stdout.WriteLineAsync(EntityCliOutput.Result(language, result.Provider, result.Entities));
        return Success;
    }
}
