using MathForML.Content.Curricula;
using MathForML.Content.Problems;
using MathForML.Core.Problems;
using MathForML.Core.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MathForML.Content;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddMathForMLContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.SectionName));
        services.TryAddSingleton<IBookCatalog, FileBookCatalog>();
        services.TryAddSingleton<IProblemBank, FileProblemBank>();
        return services;
    }
}
