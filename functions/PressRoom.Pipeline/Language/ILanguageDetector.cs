namespace PressRoom.Pipeline.Language;

public interface ILanguageDetector
{
    LanguageDetection Detect(string text);
}
