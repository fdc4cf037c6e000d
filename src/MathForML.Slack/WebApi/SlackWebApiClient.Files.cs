using System.Globalization;
using System.Text.Json;

namespace MathForML.Slack.WebApi;

/// <summary>File upload v2 and direct-message channels.</summary>
public sealed partial class SlackWebApiClient
{
    /// <summary>
    /// File upload v2 in one go: reserve an upload URL, POST the bytes there, then complete the upload into the channel
    /// (or thread). A failure names the step in <see cref="SlackApiError.Step"/>.
    /// </summary>
    public async Task<SlackResult<UploadedFile>> UploadFileAsync(FileUploadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = await PrepareUploadAsync(new UploadPreparation(request.FileName, request.Content) { AltText = request.AltText, Title = request.Title }, cancellationToken);
        if (!prepared.IsSuccess)
        {
            return SlackResult<UploadedFile>.Failure(prepared.Error);
        }

        var completed = await CompleteUploadsAsync(
            new CompleteUploadsRequest(request.ChannelId, [prepared.Value]) { ThreadTs = request.ThreadTs, InitialComment = request.InitialComment },
            cancellationToken);
        return completed.IsSuccess ? SlackResult<UploadedFile>.Success(completed.Value[0]) : SlackResult<UploadedFile>.Failure(completed.Error);
    }

    /// <summary>
    /// Steps 1 and 2 of file upload v2: <c>files.getUploadURLExternal</c>, then the bytes POSTed to the upload URL (no
    /// token). Nothing is visible in Slack until <see cref="CompleteUploadsAsync"/> shares the file; an upload never
    /// completed is discarded by Slack.
    /// </summary>
    public async Task<SlackResult<PreparedUpload>> PrepareUploadAsync(UploadPreparation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content.Length == 0 || request.Content.Length > Tuning.MaxUploadBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Content.Length, $"File size must be 1..{Tuning.MaxUploadBytes} bytes.");
        }

        const string getUrlMethod = "files.getUploadURLExternal";
        var form = new List<KeyValuePair<string, string>>
        {
            new("filename", request.FileName),
            new("length", request.Content.Length.ToString(CultureInfo.InvariantCulture)),
        };
        if (request.AltText is not null)
        {
            form.Add(new("alt_txt", request.AltText));
        }

        // Slack documents this method's arguments as form fields; JSON bodies are not reliably read here.
        var reserved = await _transport.CallAsync(getUrlMethod, BotToken, () => new FormUrlEncodedContent(form), cancellationToken);
        if (!reserved.IsSuccess)
        {
            return SlackResult<PreparedUpload>.Failure(reserved.Error with { Step = FileUploadStep.GetUploadUrl });
        }

        var fileId = JsonRead.String(reserved.Value, "file_id");
        var uploadUrlText = JsonRead.String(reserved.Value, "upload_url");
        if (fileId is null || !Uri.TryCreate(uploadUrlText, UriKind.Absolute, out var uploadUrl) || !IsAcceptableUploadUrl(uploadUrl))
        {
            return SlackResult<PreparedUpload>.Failure(new SlackApiError(
                getUrlMethod, SlackErrorKind.InvalidResponse, SlackApiError.InvalidResponseCode, [], 200, FileUploadStep.GetUploadUrl));
        }

        var uploadFailure = await _transport.UploadAsync(getUrlMethod, uploadUrl, request.Content, cancellationToken);
        return uploadFailure is null
            ? SlackResult<PreparedUpload>.Success(new PreparedUpload(fileId, request.Title))
            : SlackResult<PreparedUpload>.Failure(uploadFailure);
    }

    /// <summary>
    /// Step 3 of file upload v2: <c>files.completeUploadExternal</c> shares prepared files, all in one call, into a
    /// channel (or a thread of it). Paced like a message, since it posts one.
    /// </summary>
    public async Task<SlackResult<IReadOnlyList<UploadedFile>>> CompleteUploadsAsync(CompleteUploadsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Files.Count == 0)
        {
            throw new ArgumentException("At least one prepared file is needed.", nameof(request));
        }

        await _pacer.WaitTurnAsync(request.ChannelId, cancellationToken);
        var completed = await CallBotAsync("files.completeUploadExternal", w =>
        {
            w.WriteStartArray("files");
            foreach (var file in request.Files)
            {
                w.WriteStartObject();
                w.WriteString("id", file.FileId);
                WriteOptional(w, "title", file.Title);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("channel_id", request.ChannelId);
            WriteOptional(w, "thread_ts", request.ThreadTs);
            WriteOptional(w, "initial_comment", request.InitialComment);
        }, cancellationToken);
        if (!completed.IsSuccess)
        {
            return SlackResult<IReadOnlyList<UploadedFile>>.Failure(completed.Error with { Step = FileUploadStep.CompleteUpload });
        }

        var answered = JsonRead.Array(completed.Value, "files") is { } files
            ? files.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object).Select(f => (Id: JsonRead.String(f, "id"), Title: JsonRead.String(f, "title"))).ToList()
            : [];
        IReadOnlyList<UploadedFile> uploaded =
        [
            .. request.Files.Select(file => new UploadedFile(file.FileId, answered.FirstOrDefault(a => a.Id == file.FileId).Title ?? file.Title)),
        ];
        return SlackResult<IReadOnlyList<UploadedFile>>.Success(uploaded);
    }

    /// <summary><c>conversations.open</c> with <c>users</c>: the ID of the bot's direct-message channel with a user (needs <c>im:write</c>).</summary>
    public async Task<SlackResult<string>> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var result = await CallBotFormAsync("conversations.open", [new("users", userId)], cancellationToken);
        return Map(result, "conversations.open", root => JsonRead.Object(root, "channel") is { } channel ? JsonRead.String(channel, "id") : null);
    }
}
