using System.Text.Json;
using MathForML.Discord.Interactions;
using MathForML.Discord.Rest;

namespace MathForML.Discord.Tests;

public sealed class InteractionParserTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text.Replace('\'', '"')).RootElement.Clone();

    private const string Member = "'member':{'user':{'id':'42','username':'ada'},'permissions':'32','roles':['7']}";

    [Fact]
    public void Slash_command_with_a_subcommand_exposes_the_path_and_leaf_options()
    {
        var d = Json("{'id':'1','application_id':'2','type':2,'token':'tok','guild_id':'3','channel_id':'4'," + Member + "," +
            "'data':{'id':'9','name':'group','options':[{'name':'book','type':1,'options':[{'name':'title','type':3,'value':'PRML'},{'name':'week','type':4,'value':3}]}]}}");

        var result = InteractionParser.Parse(d);

        Assert.True(result.IsSuccess);
        var interaction = result.Interaction!;
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal(("3", "4", "42", "ada"), (interaction.GuildId, interaction.ChannelId, interaction.User.Id, interaction.User.Username));
        Assert.Equal(["book"], interaction.Command!.SubcommandPath);
        Assert.Equal("PRML", interaction.Command.Option("title")!.AsString());
        Assert.Equal(3, interaction.Command.Option("week")!.AsInteger());
        Assert.Equal(["7"], interaction.MemberRoles);
    }

    [Theory]
    [InlineData("32", true)]
    [InlineData("8", true)]
    [InlineData("2048", false)]
    [InlineData("40", true)]
    public void Member_permissions_string_becomes_flags_and_organizer_check(string permissions, bool canManage)
    {
        var d = Json("{'id':'1','application_id':'2','type':2,'token':'t','member':{'user':{'id':'42'},'permissions':'" + permissions + "'},'data':{'id':'9','name':'x'}}");

        var interaction = InteractionParser.Parse(d).Interaction!;

        Assert.Equal(canManage, interaction.MemberCanManageGuild);
        Assert.Equal(ulong.Parse(permissions, System.Globalization.CultureInfo.InvariantCulture), (ulong)interaction.MemberPermissions!.Value);
    }

    [Theory]
    [InlineData("'nick':'Ada L.',", "'global_name':'Ada',", "Ada L.")]
    [InlineData("'nick':null,", "'global_name':'Ada',", "Ada")]
    [InlineData("", "", "ada")]
    public void The_member_is_named_by_nickname_then_display_name_then_username(string nick, string globalName, string expected)
    {
        var d = Json("{'id':'1','application_id':'2','type':2,'token':'t','member':{" + nick + "'user':{'id':'42','username':'ada'," + globalName +
            "'discriminator':'0'},'permissions':'0'},'data':{'id':'9','name':'x'}}");

        var interaction = InteractionParser.Parse(d).Interaction!;

        Assert.Equal(expected, Discord.Adapter.DiscordInteractionRouter.DisplayName(interaction.MemberNick, interaction.User));
    }

    [Fact]
    public void Button_press_carries_custom_id_and_message()
    {
        var d = Json("{'id':'1','application_id':'2','type':3,'token':'t'," + Member + ",'message':{'id':'77'},'data':{'custom_id':'hint:42','component_type':2}}");

        var interaction = InteractionParser.Parse(d).Interaction!;

        Assert.Equal(("hint:42", ComponentType.Button), (interaction.Component!.CustomId, interaction.Component.ComponentType));
        Assert.Equal("77", interaction.MessageId);
    }

    [Fact]
    public void Autocomplete_marks_the_focused_option()
    {
        var d = Json("{'id':'1','application_id':'2','type':4,'token':'t'," + Member + ",'data':{'id':'9','name':'book','options':[{'name':'title','type':3,'value':'Linear','focused':true}]}}");

        var interaction = InteractionParser.Parse(d).Interaction!;

        Assert.Equal(InteractionType.ApplicationCommandAutocomplete, interaction.Type);
        Assert.Equal("Linear", interaction.Command!.FocusedOption!.AsString());
    }

    [Fact]
    public void Modal_submit_collects_text_input_values()
    {
        var d = Json("{'id':'1','application_id':'2','type':5,'token':'t','user':{'id':'42'},'data':{'custom_id':'answer:42','components':[{'type':1,'components':[{'type':4,'custom_id':'value','value':'1/2'}]}]}}");

        var interaction = InteractionParser.Parse(d).Interaction!;

        Assert.Equal("answer:42", interaction.Modal!.CustomId);
        Assert.Equal("1/2", interaction.Modal.Values["value"]);
        Assert.Null(interaction.MemberPermissions);
        Assert.Equal("42", interaction.User.Id);
    }

    [Theory]
    [InlineData("[]", "$", InteractionParser.MissingField)]
    [InlineData("{'id':'1','application_id':'2','type':99,'token':'t','user':{'id':'4'}}", "$.type", InteractionParser.UnknownType)]
    [InlineData("{'application_id':'2','type':2,'token':'t','user':{'id':'4'},'data':{}}", "$.id", InteractionParser.MissingField)]
    [InlineData("{'id':'1','application_id':'2','type':2,'token':'t'}", "$", InteractionParser.NoUser)]
    [InlineData("{'id':'1','application_id':'2','type':2,'token':'t','user':{'id':'4'},'data':{'id':'9','name':'x','options':[{'type':3}]}}", "$.data.options[0].name", InteractionParser.MissingField)]
    [InlineData("{'id':'1','application_id':'2','type':3,'token':'t','user':{'id':'4'},'data':{'component_type':2}}", "$.data.custom_id", InteractionParser.MissingField)]
    public void Malformed_payloads_are_errors_pointing_at_the_field(string json, string path, string problem)
    {
        var result = InteractionParser.Parse(Json(json));

        Assert.False(result.IsSuccess);
        Assert.Equal(new InteractionParseError(path, problem), result.Error);
    }
}
