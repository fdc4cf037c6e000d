using MathForML.Core.Chat;
using MathForML.Slack.Adapter;

namespace MathForML.Slack.Tests.Adapter;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("**bold** and *italic*", "*bold* and _italic_")]
    [InlineData("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d")]
    [InlineData("- one\n- two", "• one\n• two")]
    [InlineData("Type `/help` or `/group setup <zone>`", "Type `/mfml help` or `/mfml group setup &lt;zone&gt;`")]
    [InlineData("Commands start with `/`.", "Commands start with `/`.")]
    [InlineData("2*x*3 stays", "2*x*3 stays")]
    [InlineData("`**not bold**`", "`**not bold**`")]
    [InlineData("at <t:1767607200:f>", "at <!date^1767607200^{date_short_pretty} {time}|Mon 5 Jan 2026 10:00 UTC>")]
    [InlineData("<t:1767607200:R>", "<!date^1767607200^{ago}|Mon 5 Jan 2026 10:00 UTC>")]
    public void Markdown_becomes_slack_mrkdwn(string markdown, string expected) =>
        Assert.Equal(expected, SlackText.ToMrkdwn(markdown));

    [Fact]
    public void Long_text_is_split_into_sections_within_the_limits()
    {
        var text = string.Join("\n", Enumerable.Range(0, 8000).Select(i => $"line {i} with a < sign"));

        var rendered = SlackBlocks.Render(MessageContent.FromText(text), imagesAsText: false);

        Assert.Equal(SlackText.MaxBlocks, rendered.Blocks.Count);
        Assert.All(rendered.Blocks, b => Assert.InRange(b!["text"]!["text"]!.GetValue<string>().Length, 1, SlackText.MaxSectionLength));
        Assert.EndsWith(SlackText.Ellipsis, rendered.Blocks[^1]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.InRange(rendered.Text.Length, 1, SlackText.MaxFallbackLength);
    }

    [Fact]
    public void Ephemeral_rendering_shows_images_as_their_alt_text()
    {
        var rendered = SlackBlocks.Render(TestHandlers.Problem, imagesAsText: true);

        Assert.Empty(rendered.Images);
        Assert.Contains(rendered.Blocks, b => b!["type"]!.GetValue<string>() == "context"
            && b["elements"]![0]!["text"]!.GetValue<string>().Contains(TestHandlers.AltText, StringComparison.Ordinal));
    }
}
