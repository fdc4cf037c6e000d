using System.Threading.Channels;
using MathForML.Core.Reading;
using MathForML.Host.Cli;
using MathForML.Host.Hosting;
using MathForML.Host.Local;
using MathForML.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MathForML.IntegrationTests.Reading;

/// <summary>
/// The whole reading-group flow through the terminal channel, with a fake clock: set up, see the
/// plan, fast-forward, and watch the announcement, reminder and discussion thread arrive once each.
/// </summary>
public sealed class ReadingFlowTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Setup_plan_posts_and_done_work_end_to_end_across_simulated_days()
    {
        // Monday 23 Nov 2026, 10:00 in Berlin.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var terminal = await Terminal.StartAsync(_folder, time);

        var setup = await terminal.SendAsync("/reading setup mml 2026-11-24 2 every Tuesday and Friday at 18:30");
        Assert.Contains("Reading plan set: Mathematics for Machine Learning, 2 sections per session, every Tuesday and Friday at 18:30 (Europe/Berlin), starting 2026-11-24", setup, StringComparison.Ordinal);
        Assert.Contains("Session 1, Tue 24 Nov 2026 18:30 Europe/Berlin: MML §2.1–2.2: Systems of Linear Equations; Matrices", setup, StringComparison.Ordinal);

        var plan = await terminal.SendAsync("/reading plan");
        Assert.Contains("Session 2, Fri 27 Nov 2026 18:30 Europe/Berlin: MML §2.3–2.4", plan, StringComparison.Ordinal);

        // The announcement (2 days ahead) is already due for Tuesday's session: it goes out at once.
        time.Advance(TimeSpan.FromMinutes(1));
        await terminal.WaitForPostAsync("[post] Reading for session 1: MML §2.1–2.2", time);

        // Tuesday 17:30 local: the reminder; 18:30: the discussion thread.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 16, 31, 0, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[post] Reading session 1 starts", time);
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 17, 31, 0, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[thread opened: Session 1: MML §2.1–2.2]", time);

        var done = await terminal.SendAsync("/reading done");
        Assert.Contains("Marked session 2 (MML §2.3–2.4) as read. 1 member(s) so far.", done, StringComparison.Ordinal);
        Assert.Contains("already marked", await terminal.SendAsync("/reading done"), StringComparison.Ordinal);

        Assert.Contains("See you at session 2, Fri 27 Nov 2026 18:30 Europe/Berlin. 1 member(s) are coming.", await terminal.SendAsync("/reading rsvp"), StringComparison.Ordinal);
        Assert.Contains("Your time zone is now Asia/Tokyo", await terminal.SendAsync("/timezone Asia/Tokyo"), StringComparison.Ordinal);
        Assert.Contains("You now follow your group's time zone.", await terminal.SendAsync("/timezone group"), StringComparison.Ordinal);

        var skip = await terminal.SendAsync("/reading skip 2026-11-27");
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, ReadingPlanChanges.MovedFormat, 2, "§2.3–2.4", "Fri 27 Nov", "Tue 1 Dec"), skip, StringComparison.Ordinal);

        var transcript = terminal.Output;
        Assert.Equal(1, Count(transcript, "[post] Reading for session 1:"));
        Assert.Equal(1, Count(transcript, "[post] Reading session 1 starts"));
        Assert.Equal(1, Count(transcript, "[thread opened: Session 1:"));
    }

    [Fact]
    public async Task A_group_time_zone_change_moves_the_scheduled_posts_with_it()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var terminal = await Terminal.StartAsync(_folder, time);
        await terminal.SendAsync("/reading setup mml 2026-11-24 2 every Tuesday at 18:30");
        await terminal.SendAsync("/group timezone America/New_York");

        // 17:31 in Berlin: nothing (the group now meets at 18:30 New York time).
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 16, 31, 0, TimeSpan.Zero));
        var show = await terminal.SendAsync("/reading");
        Assert.DoesNotContain("[post] Reading session 1 starts", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("Tue 24 Nov 2026 18:30 America/New_York", show, StringComparison.Ordinal);

        // 17:31 in New York: the reminder.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 22, 31, 0, TimeSpan.Zero));
        await terminal.WaitForPostAsync("[post] Reading session 1 starts", time);
    }

    [Fact]
    public async Task Setup_with_bad_input_explains_what_is_accepted()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var terminal = await Terminal.StartAsync(_folder, time);

        Assert.Contains("I don't know the book `nope`. Available: `mml`.", await terminal.SendAsync("/reading setup nope 2026-11-24 2 every Tuesday at 18:30"), StringComparison.Ordinal);
        Assert.Contains("`funday` (at position 6) is not a day of the week", await terminal.SendAsync("/reading setup mml 2026-11-24 2 every Funday at 18:30"), StringComparison.Ordinal);
        Assert.Contains("The start date 2026-11-01 is in the past", await terminal.SendAsync("/reading setup mml 2026-11-01 2 every Tuesday at 18:30"), StringComparison.Ordinal);
        Assert.Contains("`lots` is not an amount per session", await terminal.SendAsync("/reading setup mml 2026-11-24 lots every Tuesday at 18:30"), StringComparison.Ordinal);
        Assert.Contains("does not list pages", await terminal.SendAsync("/reading setup mml 2026-11-24 30p every Tuesday at 18:30"), StringComparison.Ordinal);
        Assert.Contains(ReadingMessages.NoPlan, await terminal.SendAsync("/reading"), StringComparison.Ordinal);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>The host in-process, with a terminal the test types into and reads from.</summary>
    private sealed class Terminal : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly ChannelReader _input;
        private readonly SyncWriter _output;

        private Terminal(IHost host, ChannelReader input, SyncWriter output)
        {
            _host = host;
            _input = input;
            _output = output;
        }

        public string Output => _output.Text;

        public static async Task<Terminal> StartAsync(TempDirectory folder, FakeTimeProvider time)
        {
            var repoCurricula = Path.Combine(AppContext.BaseDirectory, "config", "curricula");
            var input = new ChannelReader();
            var output = new SyncWriter();
            var io = new CliIo(input, output, new StringWriter(), false, folder.Path);
            var configuration = ConfigurationSources.Build(folder.Path, ["--Local:TimeZone=Europe/Berlin", "--Content:CurriculaDirectory=" + repoCurricula], new Dictionary<string, string?>());
            var host = BotHost.Build(configuration, io, s => s.AddSingleton<TimeProvider>(time));
            await host.StartAsync();
            return new Terminal(host, input, output);
        }

        /// <summary>Types a line and returns what the bot answered to it.</summary>
        public async Task<string> SendAsync(string line)
        {
            var before = _output.Text.Length;
            _input.Type(line);
            var echo = "> " + line + Environment.NewLine;
            await WaitForAsync(echo, before);
            var start = _output.Text.IndexOf(echo, before, StringComparison.Ordinal) + echo.Length;
            var end = await WaitForAsync(Environment.NewLine + Environment.NewLine, start);
            return _output.Text[start..end];
        }

        public Task<int> WaitForAsync(string text) => WaitForAsync(text, 0);

        /// <summary>
        /// Waits for a scheduled post. The scheduler sets its next wake-up on the fake clock only after
        /// its current run, so a jump of the clock can land before that timer exists; nudging the clock
        /// by a second at a time (far less than anything the test checks) wakes it either way.
        /// </summary>
        public async Task WaitForPostAsync(string text, FakeTimeProvider time)
        {
            for (var i = 0; i < 1500; i++)
            {
                if (_output.Text.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                await Task.Delay(10);
                if (i % 10 == 9)
                {
                    time.Advance(TimeSpan.FromSeconds(1));
                }
            }

            throw new TimeoutException($"Never saw '{text}'. Transcript:\n{_output.Text}");
        }

        public async Task<int> WaitForAsync(string text, int from)
        {
            for (var i = 0; i < 1500; i++)
            {
                var found = _output.Text.IndexOf(text, from, StringComparison.Ordinal);
                if (found >= 0)
                {
                    return found;
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"Never saw '{text}'. Transcript:\n{_output.Text}");
        }

        public async ValueTask DisposeAsync()
        {
            _input.Close();
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    private sealed class ChannelReader : TextReader
    {
        private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();

        public void Type(string line) => _lines.Writer.TryWrite(line);

        public new void Close() => _lines.Writer.TryWrite(null);

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => await _lines.Reader.ReadAsync(cancellationToken);
    }

    private sealed class SyncWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
            }

            return Task.CompletedTask;
        }

        public override Task WriteLineAsync()
        {
            lock (_gate)
            {
                base.WriteLine();
            }

            return Task.CompletedTask;
        }
    }
}
