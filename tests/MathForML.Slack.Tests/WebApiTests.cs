using System.Text;
using System.Text.Json;
using MathForML.Slack.Tests.Loopback;
using MathForML.Slack.WebApi;

namespace MathForML.Slack.Tests;

public sealed class WebApiTests
{
    private static readonly JsonElement Blocks = JsonDocument.Parse(
        """[{"type":"section","text":{"type":"mrkdwn","text":"*Problem 1*: derive the gradient of ReLU"}}]""").RootElement;

    private static readonly JsonElement Modal = JsonDocument.Parse(
        """{"type":"modal","callback_id":"answer","title":{"type":"plain_text","text":"Answer"},"blocks":[]}""").RootElement;

    [Fact]
    public async Task Post_message_sends_json_with_bearer_bot_token_blocks_thread_and_no_unfurl()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());

        var result = await clients.WebApi.PostMessageAsync(new PostMessageRequest("C0STUDY", "Problem 1") { Blocks = Blocks, ThreadTs = "1700000000.000001" });
        var request = Assert.Single(slack.Requests, r => r.Method == "chat.postMessage");
        var body = JsonDocument.Parse(request.Body).RootElement;

        Assert.True(result.IsSuccess);
        Assert.Equal(new PostedMessage("C0STUDY", "1700000000.000100"), result.Value);
        Assert.Equal("Bearer " + LoopbackSlack.BotToken, request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("C0STUDY", body.GetProperty("channel").GetString());
        Assert.Equal("Problem 1", body.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("blocks").ValueKind);
        Assert.Equal("section", body.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Equal("1700000000.000001", body.GetProperty("thread_ts").GetString());
        Assert.False(body.GetProperty("unfurl_links").GetBoolean());
    }

    [Fact]
    public async Task Ephemeral_and_update_use_their_methods()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());

        var ephemeral = await clients.WebApi.PostEphemeralAsync(new PostEphemeralRequest("C0STUDY", "U0ADA", "Correct!"));
        var updated = await clients.WebApi.UpdateMessageAsync(new UpdateMessageRequest("C0STUDY", "1700000000.000100", "edited") { Blocks = Blocks });
        var ephemeralBody = JsonDocument.Parse(slack.Requests.Single(r => r.Method == "chat.postEphemeral").Body).RootElement;
        var updateBody = JsonDocument.Parse(slack.Requests.Single(r => r.Method == "chat.update").Body).RootElement;

        Assert.Equal("1700000000.000200", ephemeral.Value);
        Assert.Equal("U0ADA", ephemeralBody.GetProperty("user").GetString());
        Assert.Equal(new PostedMessage("C0STUDY", "1700000000.000100"), updated.Value);
        Assert.Equal("1700000000.000100", updateBody.GetProperty("ts").GetString());
    }

    [Fact]
    public async Task Views_open_sends_trigger_id_and_view_json()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());

        var result = await clients.WebApi.OpenViewAsync("1337.42.abc", Modal);
        var body = JsonDocument.Parse(slack.Requests.Single(r => r.Method == "views.open").Body).RootElement;

        Assert.Equal("V0MODAL1", result.Value?.ViewId);
        Assert.Equal("1337.42.abc", body.GetProperty("trigger_id").GetString());
        Assert.Equal("answer", body.GetProperty("view").GetProperty("callback_id").GetString());
    }

    [Fact]
    public async Task Users_info_reads_time_zone_and_roles_from_a_form_request()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());

        var result = await clients.WebApi.GetUserInfoAsync("U0ADA");
        var request = slack.Requests.Single(r => r.Method == "users.info");

        Assert.Equal(new SlackUser("U0ADA", "ada", "Ada Lovelace", "Europe/London", "Greenwich Mean Time", 0, true, false, false, false), result.Value);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("user=U0ADA", request.Body);
    }

    [Fact]
    public async Task User_group_members_are_listed()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());

        var result = await clients.WebApi.GetUserGroupMembersAsync("S0ORGS");

        Assert.Equal(["U0ADA", "U0GRACE"], result.Value);
        Assert.Equal("usergroup=S0ORGS", slack.Requests.Single(r => r.Method == "usergroups.users.list").Body);
    }

    [Fact]
    public async Task Auth_test_reads_the_bot_identity()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());

        var result = await clients.WebApi.AuthTestAsync();

        Assert.Equal(new AuthIdentity("U0BOT", "T0TEAM", "B0BOT", "MFML", "mathbot", "https://mfml.slack.com/"), result.Value);
    }

    [Fact]
    public async Task File_upload_reserves_a_url_posts_the_bytes_without_token_and_completes_into_the_thread()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock());
        var png = Encoding.ASCII.GetBytes("\x89PNG fake image bytes");

        var result = await clients.WebApi.UploadFileAsync(new FileUploadRequest("C0STUDY", "problem-1.png", png)
        {
            Title = "Problem 1",
            AltText = @"\frac{d}{dx}\max(x, 0)",
            ThreadTs = "1700000000.000001",
            InitialComment = "Today's problem",
        });
        var reserve = LoopbackSlack.ParseForm(slack.Requests.Single(r => r.Method == "files.getUploadURLExternal").Body);
        var upload = slack.Requests.Single(r => r.Method == "upload");
        var complete = JsonDocument.Parse(slack.Requests.Single(r => r.Method == "files.completeUploadExternal").Body).RootElement;

        Assert.True(result.IsSuccess);
        Assert.Equal(new UploadedFile("F13UPLOAD", "Problem 1"), result.Value);
        Assert.Equal("problem-1.png", reserve["filename"]);
        Assert.Equal(png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), reserve["length"]);
        Assert.Equal(@"\frac{d}{dx}\max(x, 0)", reserve["alt_txt"]);
        Assert.Equal("", upload.Authorization);
        Assert.Equal(png, slack.Uploads["F13UPLOAD"]);
        Assert.Equal("F13UPLOAD", complete.GetProperty("files")[0].GetProperty("id").GetString());
        Assert.Equal("Problem 1", complete.GetProperty("files")[0].GetProperty("title").GetString());
        Assert.Equal("C0STUDY", complete.GetProperty("channel_id").GetString());
        Assert.Equal("1700000000.000001", complete.GetProperty("thread_ts").GetString());
        Assert.Equal("Today's problem", complete.GetProperty("initial_comment").GetString());
    }

    [Fact]
    public async Task Failed_reservation_is_reported_as_the_get_upload_url_step()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.ScriptError("files.getUploadURLExternal", "missing_scope");
        await using var clients = new SlackClients(slack, new SignallingClock());

        var result = await clients.WebApi.UploadFileAsync(new FileUploadRequest("C0STUDY", "p.png", new byte[] { 1, 2, 3 }));

        Assert.Equal(FileUploadStep.GetUploadUrl, result.Error?.Step);
        Assert.Equal("missing_scope", result.Error?.Code);
        Assert.Equal(0, slack.CallCount("upload"));
    }

    [Fact]
    public async Task Rejected_byte_upload_is_reported_as_the_upload_bytes_step_and_never_completed()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.FailingUploads = 1;
        slack.FailingUploadStatus = 400;
        await using var clients = new SlackClients(slack, new SignallingClock());

        var result = await clients.WebApi.UploadFileAsync(new FileUploadRequest("C0STUDY", "p.png", new byte[] { 1, 2, 3 }));

        Assert.Equal(FileUploadStep.UploadBytes, result.Error?.Step);
        Assert.Equal("http_400", result.Error?.Code);
        Assert.Equal(0, slack.CallCount("files.completeUploadExternal"));
    }

    [Fact]
    public async Task Byte_upload_server_error_is_retried()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.FailingUploads = 1;
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock);

        var call = clients.WebApi.UploadFileAsync(new FileUploadRequest("C0STUDY", "p.png", new byte[] { 1, 2, 3 }));
        clock.Advance(await clock.TimerScheduledAsync(due => due < clients.WebApi.Tuning.RetryBaseDelay));
        var result = await call.WaitAsync(TestWait.Limit);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, slack.CallCount("upload"));
    }

    [Fact]
    public async Task Byte_upload_that_never_answers_times_out_at_the_upload_timeout()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.HangUploads = true;
        var apiTuning = new SlackApiTuning { MaxAttempts = 1, UploadTimeout = TimeSpan.FromSeconds(47) };
        var clock = new SignallingClock();
        await using var clients = new SlackClients(slack, clock, apiTuning: apiTuning);

        var call = clients.WebApi.UploadFileAsync(new FileUploadRequest("C0STUDY", "p.png", new byte[] { 1, 2, 3 }));
        clock.Advance(await clock.TimerScheduledAsync(due => due == apiTuning.UploadTimeout));
        var result = await call.WaitAsync(TestWait.Limit);

        Assert.Equal(FileUploadStep.UploadBytes, result.Error?.Step);
        Assert.Equal(SlackApiError.TimeoutCode, result.Error?.Code);
    }

    [Fact]
    public async Task Failed_completion_is_reported_as_the_complete_upload_step()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        slack.ScriptError("files.completeUploadExternal", "not_in_channel");
        await using var clients = new SlackClients(slack, new SignallingClock());

        var result = await clients.WebApi.UploadFileAsync(new FileUploadRequest("C0STUDY", "p.png", new byte[] { 1, 2, 3 }));

        Assert.Equal(FileUploadStep.CompleteUpload, result.Error?.Step);
        Assert.Equal("not_in_channel", result.Error?.Code);
    }

    [Fact]
    public async Task Upload_larger_than_the_limit_is_refused_before_any_call()
    {
        await using var slack = await LoopbackSlack.StartAsync();
        await using var clients = new SlackClients(slack, new SignallingClock(), apiTuning: new SlackApiTuning { MaxUploadBytes = 4 });

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => clients.WebApi.UploadFileAsync(new FileUploadRequest("C0STUDY", "p.png", new byte[5])));
        Assert.Empty(slack.Requests);
    }
}
