using MathForML.Core.Chat;
using MathForML.Core.Commands;
using MathForML.Core.Commands.Handlers;
using MathForML.Core.Formulas;
using MathForML.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace MathForML.Core.Tests.Commands;

public sealed class TexHandlerTests
{
    private static readonly CommandContext Member = new(new ConversationRef(ChatPlatform.Slack, "T", "C"), new MemberRef(ChatPlatform.Slack, "U", "u"), MemberRole.Member);

    [Theory]
    [InlineData(@"/tex \frac{a}{b}", @"\frac{a}{b}")]
    [InlineData(@"/tex $x^2$", "x^2")]
    [InlineData(@"/tex $$ \sum_i x_i $$", @"\sum_i x_i")]
    public async Task The_formula_is_rendered_as_a_public_image_without_dollar_delimiters(string text, string rendered)
    {
        var renderer = new RecordingFormulaRenderer();

        var reply = await Dispatcher(renderer).DispatchTextAsync(text, Member, CancellationToken.None);

        Assert.Equal(rendered, renderer.Requests.Single());
        Assert.False(reply.Ephemeral);
        Assert.Equal(rendered, Assert.Single(reply.Content.Images).AltText);
    }

    [Fact]
    public async Task A_render_error_is_shown_privately()
    {
        var reply = await Dispatcher(new RecordingFormulaRenderer(fail: "Unknown command \\frca at 0")).DispatchTextAsync(@"/tex \frca{1}{2}", Member, CancellationToken.None);

        Assert.True(reply.Ephemeral);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, TexMessages.FailedFormat, "Unknown command \\frca at 0"), reply.Content.Text);
    }

    [Fact]
    public async Task Over_long_formulas_are_refused_before_rendering()
    {
        var renderer = new RecordingFormulaRenderer();
        var latex = new string('x', TexMessages.MaxLength + 1);

        var reply = await Dispatcher(renderer).DispatchTextAsync("/tex " + latex, Member, CancellationToken.None);

        Assert.Empty(renderer.Requests);
        Assert.StartsWith("That formula is 2,001 characters long", reply.Content.Text, StringComparison.Ordinal);
    }

    private static CommandDispatcher Dispatcher(IFormulaRenderer renderer) =>
        new([new TexHandler(renderer)], new InMemoryGroupStore(), new InMemoryMemberStore(), new FakeTimeProvider(), NullLogger<CommandDispatcher>.Instance);
}
