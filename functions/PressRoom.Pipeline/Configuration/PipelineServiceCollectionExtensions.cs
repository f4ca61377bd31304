using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PressRoom.Pipeline.Admin;
using PressRoom.Pipeline.AzureAI;
using PressRoom.Pipeline.Documents;
using PressRoom.Pipeline.Entities;
using PressRoom.Pipeline.Entities.Builtin;
using PressRoom.Pipeline.Language;
using PressRoom.Pipeline.Storage;
using PressRoom.Pipeline.Translation;
using PressRoom.Pipeline.Translation.Chat;
using PressRoom.Pipeline.Workflow;
using PressRoom.Pipeline.Entities.AzureLanguage;
using PressRoom.Pipeline.Entities.Bilingual;
using PressRoom.Pipeline.Translation.AzureTranslator;

namespace PressRoom.Pipeline.Configuration;

/// <summary>Registers the pipeline for either host. Providers are chosen by configuration.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddPressRoomPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TranslationOptions>().Bind(configuration.GetSection(TranslationOptions.Section));
        services.AddOptions<EntitiesOptions>().Bind(configuration.GetSection(EntitiesOptions.Section));
        services.AddOptions<LanguageServiceOptions>().Bind(configuration.GetSection(LanguageServiceOptions.Section));
        services.AddOptions<Admin.AdminOptions>().Bind(configuration.GetSection(Admin.AdminOptions.Section));
        services.AddOptions<DocumentLimits>()
            .Bind(configuration.GetSection(DocumentLimits.Section))
            .Validate(limits => limits.IsValid(), "Documents:* limits must be positive (see DocumentLimits).")
            .ValidateOnStart();
        services.AddOptions<SaveOptions>()
            .Bind(configuration.GetSection(SaveOptions.Section))
            .Validate(save => save.IsValid(), "Save:MaxMentionOffsets must be 0-1000.")
            .ValidateOnStart();
        services.AddPressRoomSettingsValidation();

        services.AddSingleton(_ => PressRoomStorage.FromConfiguration(configuration));
        services.AddSingleton<ReleaseArtifacts>();
        services.AddSingleton<ReleaseEventPublisher>();
        services.AddSingleton<ReleaseScheduler>();
        services.AddSingleton<ReleaseIntake>();
        services.AddSingleton<BlobReceiptStore>();
        services.AddSingleton<ReleaseQueries>();
        services.AddSingleton<ReleaseUploader>();
        services.AddSingleton<ReleaseLifecycle>();
        services.AddSingleton<EntityNameWriter>();
        services.AddSingleton<ReleaseEntityWriter>();
        services.AddSingleton<ReleaseProgress>();
        services.AddSingleton<ReadAttemptLedger>();
        services.AddSingleton<ReadWatchdog>();
        services.AddSingleton<ReleaseListing>();
        services.AddSingleton<EntitySearch>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDocumentReader, DocumentReader>();
        services.AddSingleton<ILanguageDetector, ScriptLanguageDetector>();
        services.AddTranslationProvider(configuration);
        services.AddEntityExtractor(configuration);

        services.AddTransient<EntityExtractionStep>();
        services.AddTransient<ReadDocumentActivity>();
        services.AddTransient<TranslateActivity>();
        services.AddTransient<ExtractEntitiesActivity>();
        services.AddTransient<SaveResultsActivity>();
        services.AddTransient<RecordFailureActivity>();
        services.AddPressRoomAdmin();
        return services;
    }

    static void AddTranslationProvider(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[$"{TranslationOptions.Section}:Provider"] ?? NoTranslationProvider.ProviderName;
        switch (provider.ToLowerInvariant())
        {
            case NoTranslationProvider.ProviderName:
                services.AddSingleton<ITranslationProvider, NoTranslationProvider>();
                break;
            case AzureTranslationProvider.ProviderName:
                services.AddAzureTranslationProvider(configuration);
                break;
            case ChatTranslationProvider.ProviderName:
                services.AddChatTranslationProvider(configuration);
                break;
            default:
                throw new InvalidOperationException($"Unknown Translation:Provider '{provider}'. Use none, azure or chat.");
        }
    }

    static void AddEntityExtractor(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[$"{EntitiesOptions.Section}:Provider"] ?? BuiltinEntityExtractor.ProviderName;
        switch (provider.ToLowerInvariant())
        {
            case BuiltinEntityExtractor.ProviderName:
                services.AddSingleton<BuiltinEntityExtractor>();
                services.AddSingleton<IEntityExtractor>(sp => ChunkedBuiltin(sp, configuration));
                break;
            case AzureEntityExtractor.ProviderName:
                services.AddAzureEntityExtractor(configuration);
                services.AddSingleton<IEntityExtractor>(sp => sp.GetRequiredService<AzureEntityExtractor>());
                break;
            case CombinedEntityExtractor.ProviderName:
                services.AddAzureEntityExtractor(configuration);
                services.AddSingleton<BuiltinEntityExtractor>();
                services.AddSingleton<IEntityExtractor>(sp => new CombinedEntityExtractor(
                    ChunkedBuiltin(sp, configuration),
                    sp.GetRequiredService<AzureEntityExtractor>(),
                    sp.GetRequiredService<ILogger<CombinedEntityExtractor>>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Entities:Provider '{provider}'. Use builtin, azure or both.");
        }
    }

    /// <summary>The builtin extractor behind the chunking that keeps very large texts linear (Entities:BuiltinChunkCharacters).</summary>
    static ChunkedEntityExtractor ChunkedBuiltin(IServiceProvider services, IConfiguration configuration)
    {
        var options = new EntitiesOptions();
        configuration.GetSection(EntitiesOptions.Section).Bind(options);
        return new ChunkedEntityExtractor(services.GetRequiredService<BuiltinEntityExtractor>(), options.BuiltinChunkCharacters);
    }
}
