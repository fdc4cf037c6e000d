using MathForML.Core.Commands;

namespace MathForML.Core.Tests.Commands;

public sealed class CommandActionsTests
{
    private static readonly CommandDefinition Rsvp = CommandCatalog.FindPath("reading rsvp")!;

    [Fact]
    public void Action_id_round_trips_to_the_same_command_and_arguments()
    {
        var id = CommandActions.For(Rsvp, ("session", "3"));

        var parsed = CommandActions.Parse(id);

        Assert.Equal("reading rsvp|session=3", id);
        Assert.Same(Rsvp, parsed.Command!.Definition);
        Assert.Equal("3", parsed.Command.Argument("session"));
    }

    [Fact]
    public void Form_value_fills_the_first_parameter_the_id_leaves_open()
    {
        var parsed = CommandActions.Parse(CommandActions.For(CommandCatalog.Answer), "  1/4 ");

        Assert.Equal("1/4", parsed.Command!.Argument("value"));
    }

    [Fact]
    public void Empty_form_value_is_a_missing_argument_not_an_empty_answer()
    {
        var parsed = CommandActions.Parse(CommandActions.For(CommandCatalog.Answer), "   ");

        Assert.Null(parsed.Command);
        Assert.Equal(CommandMessages.MissingArgument(CommandCatalog.Answer, CommandCatalog.Answer.Parameters[0]), parsed.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("reading:done")]
    [InlineData("reading")]
    [InlineData("nosuch|x=1")]
    [InlineData("reading rsvp|session")]
    public void Unknown_or_old_action_ids_are_answered_not_thrown(string id)
    {
        var parsed = CommandActions.Parse(id);

        Assert.Null(parsed.Command);
        Assert.Equal(CommandMessages.UnknownAction, parsed.Error);
    }

    [Fact]
    public void Action_id_with_an_unknown_argument_is_refused_like_a_typed_command()
    {
        var parsed = CommandActions.Parse("reading rsvp|when=3");

        Assert.Null(parsed.Command);
        Assert.NotNull(parsed.Error);
    }

    [Fact]
    public void Building_an_id_for_a_command_with_subcommands_or_unknown_arguments_is_a_bug()
    {
        Assert.Throws<ArgumentException>(() => CommandActions.For(CommandCatalog.Reading));
        Assert.Throws<ArgumentException>(() => CommandActions.For(Rsvp, ("when", "3")));
        Assert.Throws<ArgumentException>(() => CommandActions.For(Rsvp, ("session", "a|b")));
        Assert.Throws<ArgumentException>(() => CommandActions.For(Rsvp, ("session", new string('9', 100))));
    }

    [Fact]
    public void Every_leaf_command_fits_an_action_id()
    {
        foreach (var leaf in CommandCatalog.Leaves())
        {
            Assert.True(CommandActions.For(leaf).Length <= CommandActions.MaxActionIdLength, leaf.Path);
        }
    }
}
