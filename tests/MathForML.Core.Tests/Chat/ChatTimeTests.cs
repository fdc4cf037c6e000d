using MathForML.Core.Chat;

namespace MathForML.Core.Tests.Chat;

public sealed class ChatTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(20, "now")]
    [InlineData(60, "in 1 minute")]
    [InlineData(59 * 60, "in 59 minutes")]
    [InlineData(3600, "in 1 hour")]
    [InlineData(47 * 3600, "in 47 hours")]
    [InlineData(3 * 86400 + 3600, "in 3 days")]
    [InlineData(-2 * 3600, "2 hours ago")]
    public void Relative_tokens_read_as_a_whole_count_of_the_largest_unit(int seconds, string expected)
    {
        var text = ChatTime.InZone(ChatTime.Token(Now.AddSeconds(seconds), ChatTimeStyle.Relative), TimeZoneInfo.Utc, Now);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Date_tokens_are_shown_in_the_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var text = ChatTime.InZone("Session " + ChatTime.Token(new DateTimeOffset(2026, 11, 24, 17, 30, 0, TimeSpan.Zero)) + ".", berlin, Now);

        Assert.Equal("Session Tue 24 Nov 2026 18:30 Europe/Berlin.", text);
    }

    [Fact]
    public void Text_without_tokens_is_unchanged()
    {
        Assert.Equal("<t:abc:f> and <t:1:x>", ChatTime.InZone("<t:abc:f> and <t:1:x>", TimeZoneInfo.Utc, Now));
    }
}
