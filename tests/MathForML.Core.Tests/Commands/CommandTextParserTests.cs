using MathForML.Core.Commands;

namespace MathForML.Core.Tests.Commands;

public sealed class CommandTextParserTests
{
    [Theory]
    [InlineData("/help", "help", "", "")]
    [InlineData("  /HELP answer", "help", "command", "answer")]
    [InlineData("/answer 1/4", "answer", "value", "1/4")]
    [InlineData("/answer   [1,  -2, 0.5] ", "answer", "value", "[1,  -2, 0.5]")]
    [InlineData(@"/tex \frac{a}{b} + \sqrt{2}", "tex", "latex", @"\frac{a}{b} + \sqrt{2}")]
    [InlineData("/reading", "reading show", "", "")]
    [InlineData("/reading plan", "reading plan", "", "")]
    [InlineData("/group", "group show", "", "")]
    [InlineData("/group setup Europe/Berlin", "group setup", "time-zone", "Europe/Berlin")]
    [InlineData("/group setup Europe/Berlin MML reading group", "group setup", "name", "MML reading group")]
    [InlineData("/group setup \"Europe/Berlin\" x", "group setup", "time-zone", "Europe/Berlin")]
    [InlineData("/group timezone America/New_York", "group timezone", "time-zone", "America/New_York")]
    [InlineData("/leaderboard MONTH", "leaderboard", "period", "month")]
    [InlineData("/leaderboard", "leaderboard", "", "")]
    public void Valid_commands_parse_to_the_leaf_and_arguments(string text, string path, string argument, string value)
    {
        var result = CommandTextParser.Parse(text);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(path, result.Command!.Path);
        if (argument.Length > 0)
        {
            Assert.Equal(value, result.Command.Argument(argument));
        }
    }

    public static TheoryData<string, string, int> Errors => new()
    {
        { "help", CommandMessages.NotACommand, 0 },
        { "/", CommandMessages.EmptyCommand, 1 },
        { "/grup", CommandMessages.UnknownCommand("grup", "group"), 1 },
        { "/xyzzy", CommandMessages.UnknownCommand("xyzzy", null), 1 },
        { "/answer", CommandMessages.MissingArgument(CommandCatalog.Answer, CommandCatalog.Answer.Parameters[0]), 7 },
        { "/group setup", CommandMessages.MissingArgument(CommandCatalog.FindPath("group setup")!, CommandCatalog.FindPath("group setup")!.Parameters[0]), 12 },
        { "/group frobnicate", CommandMessages.UnknownSubcommand(CommandCatalog.StudyGroup, "frobnicate"), 7 },
        { "/leaderboard year", CommandMessages.NotAChoice(CommandCatalog.Leaderboard, CommandCatalog.Leaderboard.Parameters[0], "year"), 17 },
        { "/hint now please", CommandMessages.TooManyArguments(CommandCatalog.Hint, "now please"), 6 },
        { "/group setup \"Europe/Berlin", CommandMessages.UnclosedQuote(13), 13 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Bad_commands_say_what_is_wrong_and_where(string text, string message, int position)
    {
        var result = CommandTextParser.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Equal(message, result.Error);
        Assert.Equal(position, result.Position);
    }

    [Fact]
    public void Missing_argument_message_shows_usage_and_example()
    {
        var result = CommandTextParser.Parse("/answer");

        Assert.Contains("`/answer <value>`", result.Error, StringComparison.Ordinal);
        Assert.Contains("/answer 1/4", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_over_the_length_limit_is_refused_without_parsing()
    {
        var text = "/answer " + new string('1', CommandMessages.MaxCommandLength);

        var result = CommandTextParser.Parse(text);

        Assert.Equal(CommandMessages.TooLong(text.Length), result.Error);
    }

    [Fact]
    public void Input_at_the_length_limit_is_accepted()
    {
        var text = "/answer " + new string('1', CommandMessages.MaxCommandLength - 8);

        Assert.True(CommandTextParser.Parse(text).Succeeded);
    }

    [Fact]
    public void Structured_options_are_validated_like_typed_ones()
    {
        var unknown = ChatCommand.Create(CommandCatalog.Answer, new Dictionary<string, string> { ["valu"] = "1" });
        var ok = ChatCommand.Create(CommandCatalog.Answer, new Dictionary<string, string> { ["value"] = " 1/4 " });

        Assert.Equal(CommandMessages.UnknownArgument(CommandCatalog.Answer, "valu"), unknown.Error);
        Assert.Equal("1/4", ok.Command!.Argument("value"));
    }

    [Fact]
    public void Every_catalog_entry_is_consistent()
    {
        foreach (var leaf in CommandCatalog.Leaves())
        {
            Assert.Same(leaf, CommandCatalog.FindPath(leaf.Path));
            var rest = leaf.Parameters.Where(p => p.TakesRest).ToList();
            Assert.True(rest.Count <= 1 && (rest.Count == 0 || leaf.Parameters[^1] == rest[0]), $"{leaf.Path}: a rest parameter must be last");
            if (leaf.Example is not null)
            {
                Assert.True(CommandTextParser.Parse(leaf.Example).Succeeded, $"{leaf.Path}: example '{leaf.Example}' does not parse");
            }
        }
    }
}
