using MathForML.Content;
using MathForML.Content.Curricula;
using MathForML.Content.Problems;
using MathForML.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.IntegrationTests.Problems;

/// <summary>The repository's own problem bank, loaded as the host loads it.</summary>
internal static class RepositoryBank
{
    public static FileProblemBank Load()
    {
        var options = Options.Create(new ContentOptions
        {
            ProblemsDirectory = Repository.Path("config", "problems"),
            CurriculaDirectory = Repository.Path("config", "curricula"),
            TopicsFile = Repository.Path("config", "topics.yml"),
        });
        return new FileProblemBank(options, new FileBookCatalog(options, NullLogger<FileBookCatalog>.Instance), NullLogger<FileProblemBank>.Instance);
    }
}
