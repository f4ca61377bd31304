using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Language;
using PressRoom.Pipeline.Storage;

namespace PressRoom.Pipeline.Workflow;

/// <summary>Detects the language of the release text.</summary>
public sealed class DetectLanguageActivity(ReleaseArtifacts artifacts, ILanguageDetector detector)
    : PipelineActivity<string, LanguageDetection>
{
    public override async Task<LanguageDetection> ExecuteAsync(string releaseId, CancellationToken cancellationToken)
    {
        var document = await artifacts.ReadJsonAsync<ReleaseDocument>(releaseId, ReleaseArtifacts.DocumentFile, cancellationToken);
        return detector.Detect(document.Text);
    }
}
