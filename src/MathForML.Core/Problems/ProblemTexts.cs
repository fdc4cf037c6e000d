using System.Globalization;

namespace MathForML.Core.Problems;

/// <summary>Texts of the daily problem: posts, reveals and replies to /problem, /answer and /hint.</summary>
public static class ProblemTexts
{
    public const string PostFormat = "**Problem #{0}: {1}** ({2})\nAnswer with `/answer <value>` by {3} ({4}); only you see the verdict.";
    public const string AnswerAsFormat = "\nAnswer as {0}.";
    public const string PersonalNumbers = "\nEveryone gets their own numbers: press **My numbers** or type `/problem` to see yours. Answers to the numbers in this image count too.";
    public const string ThreadTitleFormat = "Problem #{0}: {1}";
    public const string RevealFormat = "**Solution to problem #{0}: {1}**\nAnswer: `{2}`{3}\n{4}";
    public const string RevealOwnNumbers = " (for the numbers in the post; `/problem` shows yours with your answer)";
    public const string YourAnswerFormat = "\nThe answer for your numbers: `{0}`.";
    public const string SummaryNobody = "Nobody tried this one; the solution is below for when you do.";
    public const string SummaryFormat = "{0} tried, {1} solved ({2} on the first try).";
    public const string ScheduledHintFormat = "**Hint {0} for problem #{1}**";
    public const string ShowFormat = "**Problem #{0}: {1}** ({2})\nAnswer with `/answer <value>` by {3} ({4}).";
    public const string ShowClosedFormat = "**Problem #{0}: {1}**: the solution has been revealed; late answers are still checked.";
    public const string YourNumbers = "\nThese are your own numbers; your answers are checked against them.";
    public const string NoProblemYet = "No problem has been posted in this group yet. The daily problem arrives at {0} group time.";
    public const string ProblemGone = "Problem #{0} is no longer in the problem bank, so it cannot be shown or checked.";
    public const string CorrectFormat = "Correct! I read your answer as `{0}`.{1}";
    public const string FirstTry = " First try.";
    public const string AfterAttemptsFormat = " Solved on attempt {0}.";
    public const string LateNote = " (The solution was already revealed, so this counts as a late solve.)";
    public const string PartialFormat = "Partly right ({0:P0}): {1} Attempt {2} of {3}.";
    public const string IncorrectFormat = "Not quite: {0} Attempt {1} of {2}. `/hint` can help.";
    public const string InvalidFormat = "{0} This was not counted as an attempt.";
    public const string AlreadySolvedFormat = "You already solved problem #{0}. See you at the next one!";
    public const string OutOfAttemptsFormat = "You have used all {0} attempts for problem #{1}. The solution is revealed {2}.";
    public const string AnswerTooLongFormat = "Answers are limited to {0} characters; yours has {1:N0}.";
    public const string HintFormat = "**Hint {0} of {1} for problem #{2}**";
    public const string NoMoreHintsFormat = "You have seen all {0} hints for problem #{1}.";
    public const string RevealedNow = "The solution has been posted.";
    public const string AlreadyRevealedFormat = "The solution to problem #{0} was already revealed.";
    public const string RenderFailedFormat = "Problem #{0} could not be drawn ({1}); its text follows.\n{2}";
    public const string AnswerButton = "Answer";
    public const string HintButton = "Hint";
    public const string MyNumbersButton = "My numbers";
    public const string AnswerFormTitle = "Your answer";
    public const string AnswerFormLabel = "Answer";
    public const string AnswerFormPlaceholder = "e.g. 3/4, [1, 2], sqrt(2)/2";
    public const string PostedNowFormat = "Problem #{0} is posted as today's problem; answers are open until {1}. Today's scheduled post will not add another.";
    public const string AlreadyOpenFormat = "Problem #{0} is already open, until {1}; `/problem` shows it. There is one daily problem at a time.";
    public const string AlreadyPostedTodayFormat = "Today's problem, #{0}, was already posted and its solution revealed. The next one comes tomorrow at {1} group time.";
    public const string BeingPostedNow = "Today's problem is being posted right now; it will appear in a moment.";
    public const string EmptyBank = "The problem bank has no problems, so there is nothing to post. The bank is the folder `Content:ProblemsDirectory` names (config/problems by default); its format is in config/problems/README.md.";
    public const string NotPostedYetFormat = "Today's problem could not be posted just now ({0}); it will be tried again shortly.";
    public const string CannotPostFormat = "Today's problem cannot be posted: {0}.";
    public const string PlatformNotRunningFormat = "the {0} adapter is not running";
    public const string NoProblemReason = "the problem bank is empty";
    public const string RevealDroppedReason = "the solution was already revealed";

    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
