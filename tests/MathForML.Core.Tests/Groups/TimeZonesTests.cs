using MathForML.Core.Groups;

namespace MathForML.Core.Tests.Groups;

public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData(" america/new_york ", "America/New_York")]
    [InlineData("UTC", "UTC")]
    [InlineData("Asia/Kolkata", "Asia/Kolkata")]
    public void Known_zones_are_found_case_insensitively(string typed, string id)
    {
        Assert.Equal(id, TimeZones.Find(typed)?.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Funday/Nowhere")]
    [InlineData("Europe/Berlin/Mitte")]
    public void Unknown_zones_are_null(string typed)
    {
        Assert.Null(TimeZones.Find(typed));
    }

    [Fact]
    public void Over_long_input_is_rejected_without_searching()
    {
        Assert.Null(TimeZones.Find(new string('x', 10_000)));
        Assert.DoesNotContain("Did you mean", TimeZones.UnknownZoneMessage(new string('x', 10_000)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("new york", "America/New_York")]
    [InlineData("Europe/Pariss", "Europe/Paris")]
    [InlineData("Kolkatta", "Asia/Kolkata")]
    public void Typos_get_a_suggestion(string typed, string suggestion)
    {
        Assert.EndsWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, TimeZones.DidYouMeanFormat, suggestion), TimeZones.UnknownZoneMessage(typed), StringComparison.Ordinal);
    }
}
