using MathForML.Core.Scheduling;

namespace MathForML.Core.Tests.Scheduling;

public sealed class CadenceParserTests
{
    [Theory]
    [InlineData("every Tuesday and Friday at 18:30", "every Tuesday and Friday at 18:30")]
    [InlineData("Every tue, fri at 6:30pm", "every Tuesday and Friday at 18:30")]
    [InlineData("weekly on Monday at 7pm", "every Monday at 19:00")]
    [InlineData("mondays at 7 pm", "every Monday at 19:00")]
    [InlineData("daily at 09:00", "daily at 09:00")]
    [InlineData("every day at 9am", "daily at 09:00")]
    [InlineData("weekdays at 8:15am", "every Monday, Tuesday, Wednesday, Thursday and Friday at 08:15")]
    [InlineData("weekends at noon", "every Saturday and Sunday at 12:00")]
    [InlineData("every 2 weeks on Thu at 18:00", "every 2 weeks on Thursday at 18:00")]
    [InlineData("every other week on Wednesday at 17h45", "every 2 weeks on Wednesday at 17:45")]
    [InlineData("biweekly on Sat at 10", "every 2 weeks on Saturday at 10:00")]
    [InlineData("Mon/Wed/Fri 12:00", "every Monday, Wednesday and Friday at 12:00")]
    [InlineData("at 12am on sunday", "every Sunday at 00:00")]
    [InlineData("sunday at 12pm", "every Sunday at 12:00")]
    public void Cadences_read_to_their_canonical_form(string text, string description)
    {
        var result = CadenceParser.Parse(text);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(description, result.Cadence!.Description);
        Assert.Equal(result.Cadence, CadenceParser.Parse(description).Cadence);
    }

    public static TheoryData<string, string, int> Errors => new()
    {
        { "every Funday at 18:00", SchedulingMessages.NotADay("funday", 6), 6 },
        { "every Tusday at 18:00", SchedulingMessages.NotADay("tusday", 6), 6 },
        { "every Tuesday at 18:00 sharp", SchedulingMessages.NotUnderstood("sharp", 23), 23 },
        { "every Tuesday", SchedulingMessages.NoTime(), 13 },
        { "at 18:30", SchedulingMessages.NoDays(), 8 },
        { "every Monday at 25:00", SchedulingMessages.BadTime("25:00"), 16 },
        { "every Monday at 13pm", SchedulingMessages.BadTime("13pm"), 16 },
        { "every Monday at 18:00 and 19:00", SchedulingMessages.TwoTimes(), 26 },
        { "every 9 weeks on Monday at 18:00", SchedulingMessages.IntervalOutOfRange(9), 6 },
        { "every Monday 7", SchedulingMessages.NotUnderstood("7", 13), 13 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Bad_cadences_say_what_and_where(string text, string error, int position)
    {
        var result = CadenceParser.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Equal(error, result.Error);
        Assert.Equal(position, result.Position);
    }

    [Fact]
    public void Overlong_cadence_is_refused()
    {
        var result = CadenceParser.Parse(new string('x', CadenceParser.MaxLength + 1));

        Assert.Equal(SchedulingMessages.CadenceTooLong(), result.Error);
    }
}
