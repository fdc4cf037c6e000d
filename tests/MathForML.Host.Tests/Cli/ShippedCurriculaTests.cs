using MathForML.Content;
using MathForML.Content.Curricula;
using MathForML.TestKit;

namespace MathForML.Host.Tests.Cli;

/// <summary>The curricula in config/ load without errors and use only the shared topic tags.</summary>
public sealed class ShippedCurriculaTests
{
    [Fact]
    public void Every_shipped_curriculum_loads_with_pages_and_known_topics()
    {
        var (books, errors) = FileBookCatalog.LoadDirectory(Repository.Path("config", "curricula"));
        var (topics, topicErrors) = TopicVocabulary.Load(Repository.Path("config", "topics.yml"));

        Assert.Empty(errors);
        Assert.Empty(topicErrors);
        Assert.Equal(["cs229", "esl", "ladr", "mml"], books.Select(b => b.Id).Order(StringComparer.Ordinal));
        foreach (var book in books)
        {
            Assert.All(book.Sections, s => Assert.NotNull(s.FirstPage));
            Assert.All(book.Sections.SelectMany(s => s.Topics), tag => Assert.True(topics.Contains(tag), $"{book.Id}: unknown topic {tag}"));
        }
    }
}
