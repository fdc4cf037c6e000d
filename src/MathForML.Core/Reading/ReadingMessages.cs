using System.Globalization;

namespace MathForML.Core.Reading;

/// <summary>User-facing texts of the reading group.</summary>
public static class ReadingMessages
{
    public const string SetupExample = "`/reading setup mml 2026-12-01 2 every Tuesday and Friday at 18:30`";
    public const string NoPlan = "This group has no reading plan yet. An organizer can start one with `/reading setup <book> <start> <per-session> <cadence>`, e.g. " + SetupExample + ". `/reading books` lists the books.";
    public const string NoBooks = "No books are installed: the curricula folder (Content:CurriculaDirectory) has no valid files.";
    public const string BooksHeader = "**Books you can read** (use the id in `/reading setup`):";
    public const string BookLineFormat = "`{0}` {1} ({2}), {3} sections";
    public const string UnknownBookFormat = "I don't know the book `{0}`. Available: {1}.";
    public const string BadAmountFormat = "`{0}` is not an amount per session; use a number of sections (`2`) or about a number of pages (`30p`), at most {1} sections or {2} pages.";
    public const string PastStartFormat = "The start date {0} is in the past for this group (today is {1} in {2}); pick today or later.";
    public const string NoPagesFormat = "{0} does not list pages for every section; plan by sections instead (e.g. `2`).";
    public const string CreatedFormat = "Reading plan set: **{0}**, {1} per session, {2} ({3}), starting {4}: {5} sessions, the last on {6}.";
    public const string SessionLineFormat = "Session {0}, {1}: {2}{3}";
    public const string NextFormat = "Next session: {0}, {1}: read {2}{3}.\n{4}";
    public const string ReadCountFormat = "{0} member(s) have marked this reading done.";
    public const string FinishedFormat = "The plan is complete: all {0} sessions of {1} are behind you.";
    public const string Paused = "The reading plan is paused. An organizer can resume it with `/reading resume [date]`.";
    public const string PlanHeaderFormat = "**{0}**, {1} per session, {2} ({3}){4}";
    public const string PausedSuffix = ", paused";
    public const string MoreFormat = "… and {0} more sessions.";
    public const string DoneFormat = "Marked session {0} ({1}) as read. {2} member(s) so far.";
    public const string AlreadyDoneFormat = "You already marked session {0} ({1}) as read.";
    public const string NotASessionFormat = "There is no session on {0}. Upcoming: {1}.";
    public const string SkippedFormat = "Skipped the session on {0}.";
    public const string PausedNow = "The reading plan is paused; no sessions are scheduled until an organizer resumes it.";
    public const string AlreadyPaused = "The reading plan is already paused.";
    public const string NotPaused = "The reading plan is not paused.";
    public const string ResumedFormat = "The reading plan resumes on {0}.";
    public const string CadenceChangedFormat = "From {0} the group meets {1}.";
    public const string ChangesHeader = "What changes:";
    public const string RsvpFormat = "See you at session {0}, {1}. {2} member(s) are coming.";
    public const string AlreadyRsvpFormat = "You already said you are coming to session {0}.";
    public const string NoSuchSessionFormat = "There is no session `{0}`: the plan has sessions 1 to {1} (see `/reading plan`).";
    public const string SessionStartedFormat = "Session {0} has already started; RSVPs are for sessions still to come.";
    public const string NoUpcomingSession = "There is no upcoming session to come to.";

    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
