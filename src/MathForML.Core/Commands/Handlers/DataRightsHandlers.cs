using System.Globalization;
using MathForML.Core.Chat;
using MathForML.Core.Participation;

namespace MathForML.Core.Commands.Handlers;

/// <summary>Texts of <c>/mydata</c> and <c>/group export</c>.</summary>
public static class DataRightsTexts
{
    public const string ExportFormat = "Everything the bot keeps about you: {0} record(s) in {1} group(s). Only you get this file.";
    public const string ExportDescription = "Your MathForML records";
    public const string NothingKept = "The bot keeps nothing about you beyond your name and platform id, which are in the file.";
    public const string GroupExportFormat = "{0} record(s) of {1}, {2}. Members who keep their name off leaderboards appear as \"member <id>\".";
    public const string GroupExportDescription = "Participation export";
    public const string GroupExportEmpty = "Nothing has been recorded in this group for that period.";
    public const string TooLargeFormat = "The export is too large to send in chat even zipped (more than {0} MB). Export a shorter period, e.g. `/group export month`.";
    public const string ForgetWarning = "This makes the bot forget you in every group: your name, platform id and time zone are removed, and what you typed (answers, questions) is erased. Your past answers stay only as anonymous counts, so group statistics do not change. Leaderboards and streaks start over if you come back. This cannot be undone.";
    public const string ForgetButton = "Forget me";
    public const string Forgotten = "Done: the bot has forgotten you. Anything you do from now on starts a new record.";
    public const string AlreadyForgotten = "There was nothing left to forget.";
    public const string PeriodWeek = "last 7 days";
    public const string PeriodMonth = "last 30 days";
    public const string PeriodAll = "all time";
}

/// <summary><c>/mydata export [json|csv]</c>: the member's own records as a file, privately.</summary>
public sealed class MyDataExportHandler(IDataRightsStore data) : ICommandHandler
{
    public string Path => "mydata export";

    public bool RequiresGroup => false;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var export = await data.ExportMemberAsync(request.Member.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Member {request.Member.Id} has no row although the dispatcher just ensured it.");
        var csv = request.Command.Argument("format") == "csv";
        var bytes = csv ? ParticipationExport.ToCsv(export.Records) : ParticipationExport.ToJson(export, request.ReceivedAt);
        var name = "mathforml-mydata-" + request.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (csv ? ".csv" : ".json");
        if (ParticipationExport.Fit(bytes, name, csv ? "text/csv" : "application/json", DataRightsTexts.ExportDescription) is not { } file)
        {
            return ChatReply.Text(string.Format(CultureInfo.InvariantCulture, DataRightsTexts.TooLargeFormat, ChatLimits.MaxFileBytes / (1024 * 1024)), ephemeral: true);
        }

        var text = export.Records.Count == 0
            ? DataRightsTexts.NothingKept
            : string.Format(CultureInfo.InvariantCulture, DataRightsTexts.ExportFormat, export.Records.Count, export.Records.Select(r => r.GroupId).Distinct().Count());
        return new ChatReply { Content = new MessageContent { Text = text, Files = [file] }, Ephemeral = true };
    }
}

/// <summary><c>/mydata forget [yes]</c>: explains and asks, then anonymizes the member everywhere.</summary>
public sealed class MyDataForgetHandler(IDataRightsStore data) : ICommandHandler
{
    public string Path => "mydata forget";

    public bool RequiresGroup => false;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Command.Argument("confirm") != "yes")
        {
            var action = CommandActions.For(CommandCatalog.FindPath(Path)!, ("confirm", "yes"));
            var confirm = new ChatButton(action, DataRightsTexts.ForgetButton, ButtonStyle.Danger);
            return new ChatReply { Content = new MessageContent { Text = DataRightsTexts.ForgetWarning, Buttons = [confirm] }, Ephemeral = true };
        }

        var forgotten = await data.ForgetMemberAsync(request.Member.Id, request.ReceivedAt, cancellationToken);
        return ChatReply.Text(forgotten is not null ? DataRightsTexts.Forgotten : DataRightsTexts.AlreadyForgotten, ephemeral: true);
    }
}

/// <summary><c>/group export [week|month|all]</c>: the group's participation as CSV, for its organizers.</summary>
public sealed class GroupExportHandler(IDataRightsStore data) : ICommandHandler
{
    public string Path => "group export";

    public bool RequiresGroup => true;

    public async Task<ChatReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var group = request.Group!;
        var (since, period) = request.Command.Argument("period") switch
        {
            "week" => (request.ReceivedAt.AddDays(-7), DataRightsTexts.PeriodWeek),
            "month" => (request.ReceivedAt.AddDays(-30), DataRightsTexts.PeriodMonth),
            _ => ((DateTimeOffset?)null, DataRightsTexts.PeriodAll),
        };
        var records = await data.ExportGroupAsync(group.Id, since, cancellationToken);
        if (records.Count == 0)
        {
            return ChatReply.Text(DataRightsTexts.GroupExportEmpty, ephemeral: true);
        }

        var name = $"mathforml-group-{group.Id.ToString(CultureInfo.InvariantCulture)}-{request.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        if (ParticipationExport.Fit(ParticipationExport.ToCsv(records), name, "text/csv", DataRightsTexts.GroupExportDescription) is not { } file)
        {
            return ChatReply.Text(string.Format(CultureInfo.InvariantCulture, DataRightsTexts.TooLargeFormat, ChatLimits.MaxFileBytes / (1024 * 1024)), ephemeral: true);
        }

        var text = string.Format(CultureInfo.InvariantCulture, DataRightsTexts.GroupExportFormat, records.Count, group.Name, period);
        return new ChatReply { Content = new MessageContent { Text = text, Files = [file] }, Ephemeral = true };
    }
}
