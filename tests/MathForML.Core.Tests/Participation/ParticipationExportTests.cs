using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MathForML.Core.Chat;
using MathForML.Core.Participation;

namespace MathForML.Core.Tests.Participation;

public sealed class ParticipationExportTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 8, 30, 15, TimeSpan.Zero);

    private static readonly JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly ParticipationRecord Answer = new(1, "Strang 18.06", 7, "Ada", ParticipationKinds.ProblemAnswer, "la-eigen-2x2", ChatPlatform.Slack, At)
    {
        ProblemNumber = 3,
        AttemptNumber = 2,
        Answer = "1/2",
        Verdict = "Correct",
        Late = false,
    };

    private static readonly ParticipationRecord Question = new(1, "Strang 18.06", 7, "Ada", ParticipationKinds.ThreadQuestion, "q:C1:t1:m1", ChatPlatform.Discord, At.AddHours(1))
    {
        Detail = "why is it symmetric?",
    };

    [Fact]
    public void Csv_starts_with_a_byte_order_mark_and_the_header_and_ends_lines_with_crlf()
    {
        var bytes = ParticipationExport.ToCsv([Answer, Question]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(
            [
                string.Join(',', ParticipationExport.CsvColumns),
                "2026-11-23T08:30:15Z,Slack,1,Strang 18.06,7,Ada,problem-answer,la-eigen-2x2,3,2,1/2,Correct,false,",
                "2026-11-23T09:30:15Z,Discord,1,Strang 18.06,7,Ada,thread-question,q:C1:t1:m1,,,,,,why is it symmetric?",
                "",
            ],
            text.Split("\r\n"));
    }

    [Fact]
    public void Csv_of_no_records_is_the_header_alone()
    {
        var text = Encoding.UTF8.GetString(ParticipationExport.ToCsv([]).AsSpan(3));

        Assert.Equal(string.Join(',', ParticipationExport.CsvColumns) + "\r\n", text);
    }

    [Fact]
    public void Csv_times_are_utc_whatever_the_records_offset()
    {
        var record = Answer with { At = new DateTimeOffset(2026, 11, 23, 23, 59, 0, TimeSpan.FromHours(-5)) };

        Assert.StartsWith("2026-11-24T04:59:00Z,", CsvRow(record), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1/2", "1/2")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line 1\nline 2", "\"line 1\nline 2\"")]
    [InlineData("line 1\r\nline 2", "\"line 1\r\nline 2\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+x", "'+x")]
    [InlineData("@x", "'@x")]
    [InlineData("-x", "'-x")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=HYPERLINK(\"http://e.example\",\"x\")", "\"'=HYPERLINK(\"\"http://e.example\"\",\"\"x\"\")\"")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("+3", "+3")]
    [InlineData("-1e-3", "-1e-3")]
    [InlineData("x=1+1", "x=1+1")]
    [InlineData("Zoë ∑", "Zoë ∑")]
    public void Csv_cells_are_quoted_when_needed_and_formulas_defused_but_numbers_left_alone(string answer, string cell)
    {
        var row = CsvRow(Answer with { Answer = answer });

        Assert.Equal($"2026-11-23T08:30:15Z,Slack,1,Strang 18.06,7,Ada,problem-answer,la-eigen-2x2,3,2,{cell},Correct,false,", row);
    }

    [Fact]
    public void Csv_defuses_formulas_in_names_and_question_excerpts_too()
    {
        var row = CsvRow(Question with { GroupName = "@group", MemberName = "=cmd|' /C calc'!A0", Detail = "+what, exactly?" });

        Assert.Equal("2026-11-23T09:30:15Z,Discord,1,'@group,7,'=cmd|' /C calc'!A0,thread-question,q:C1:t1:m1,,,,,,\"'+what, exactly?\"", row);
    }

    [Fact]
    public void Json_round_trips_the_profile_and_every_record_in_snake_case()
    {
        var export = new MemberDataExport(7, ChatPlatform.Slack, "U07", "Zoë", "Europe/Berlin", true, At.AddDays(-30), At.AddHours(2), [Answer with { Late = true }, Question]);
        var exportedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1));

        using var json = JsonDocument.Parse(ParticipationExport.ToJson(export, exportedAt));

        var root = json.RootElement;
        Assert.Equal(exportedAt, root.GetProperty("exported_at").GetDateTimeOffset());
        Assert.Equal(TimeSpan.Zero, root.GetProperty("exported_at").GetDateTimeOffset().Offset);
        var member = root.GetProperty("member");
        Assert.Equal(
            (7L, "Slack", "U07", "Zoë", "Europe/Berlin", true, At.AddDays(-30), At.AddHours(2)),
            (member.GetProperty("member_id").GetInt64(), member.GetProperty("platform").GetString(), member.GetProperty("platform_user_id").GetString(),
                member.GetProperty("display_name").GetString(), member.GetProperty("time_zone_id").GetString(), member.GetProperty("hidden_from_leaderboards").GetBoolean(),
                member.GetProperty("first_seen_at").GetDateTimeOffset(), member.GetProperty("last_seen_at").GetDateTimeOffset()));
        var records = member.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(2, records.Count);
        var answer = records[0];
        Assert.Equal(
            (1L, "Strang 18.06", "problem-answer", "la-eigen-2x2", "Slack", At, 3, 2, "1/2", "Correct", true),
            (answer.GetProperty("group_id").GetInt64(), answer.GetProperty("group_name").GetString(), answer.GetProperty("kind").GetString(),
                answer.GetProperty("subject").GetString(), answer.GetProperty("platform").GetString(), answer.GetProperty("at").GetDateTimeOffset(),
                answer.GetProperty("problem_number").GetInt32(), answer.GetProperty("attempt_number").GetInt32(), answer.GetProperty("answer").GetString(),
                answer.GetProperty("verdict").GetString(), answer.GetProperty("late").GetBoolean()));
        Assert.False(answer.TryGetProperty("detail", out _));
        var question = records[1];
        Assert.Equal(("Discord", "why is it symmetric?"), (question.GetProperty("platform").GetString(), question.GetProperty("detail").GetString()));
        Assert.False(question.TryGetProperty("problem_number", out _));
    }

    [Fact]
    public void Json_deserializes_back_to_the_same_export()
    {
        var export = new MemberDataExport(7, ChatPlatform.Discord, "123", "Ada \"the first\"", null, false, At, At, [Answer, Question]);

        using var json = JsonDocument.Parse(ParticipationExport.ToJson(export, At));
        var back = json.RootElement.GetProperty("member").Deserialize<MemberDataExport>(SnakeCase)!;

        Assert.Equal(export with { Records = back.Records }, back);
        Assert.Equal(export.Records, back.Records);
        Assert.False(json.RootElement.GetProperty("member").TryGetProperty("time_zone_id", out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(ChatLimits.MaxFileBytes)]
    public void Fit_returns_a_file_within_the_limit_as_it_is(int size)
    {
        var bytes = new byte[size];

        var file = ParticipationExport.Fit(bytes, "group.csv", "text/csv", "export")!;

        Assert.Same(bytes, file.Bytes);
        Assert.Equal(("group.csv", "text/csv", "export"), (file.FileName, file.ContentType, file.Description));
    }

    [Fact]
    public void Fit_zips_a_compressible_file_over_the_limit_and_the_zip_holds_the_same_bytes()
    {
        var csv = ParticipationExport.ToCsv(Enumerable.Range(0, 100_000).Select(i => Answer with { MemberId = i, At = At.AddSeconds(i) }));
        Assert.True(csv.Length > ChatLimits.MaxFileBytes, $"test data has only {csv.Length} bytes");

        var file = ParticipationExport.Fit(csv, "group.csv", "text/csv", "export")!;

        Assert.Equal(("group.csv.zip", "application/zip", "export"), (file.FileName, file.ContentType, file.Description));
        Assert.InRange(file.Bytes.Length, 1, ChatLimits.MaxFileBytes);
        using var zip = new ZipArchive(new MemoryStream(file.Bytes), ZipArchiveMode.Read);
        var entry = Assert.Single(zip.Entries);
        Assert.Equal("group.csv", entry.FullName);
        using var content = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(content);
        }

        Assert.Equal(csv, content.ToArray());
    }

    [Fact]
    public void Fit_gives_up_on_random_data_over_the_limit_that_no_zip_can_shrink()
    {
        var bytes = new byte[ChatLimits.MaxFileBytes + 1];
        new Random(20261121).NextBytes(bytes);

        Assert.Null(ParticipationExport.Fit(bytes, "group.csv", "text/csv", "export"));
    }

    private static string CsvRow(ParticipationRecord record) =>
        Encoding.UTF8.GetString(ParticipationExport.ToCsv([record]).AsSpan(3)).Split("\r\n", 2)[1][..^2];
}
