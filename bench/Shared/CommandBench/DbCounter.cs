using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MathForML.CommandBench;

/// <summary>What the database saw while counting was on.</summary>
internal sealed record DbCounts(int Commands, int Writes, int ConnectionOpens, int Transactions, double CommandMs, IReadOnlyDictionary<string, int> Statements)
{
    /// <summary>Each open also runs <c>PRAGMA busy_timeout</c> (Storage's connection interceptor), which EF does not report as a command.</summary>
    public int RoundTrips => Commands + ConnectionOpens;
}

/// <summary>
/// Counts EF Core's database commands from its DiagnosticListener ("Microsoft.EntityFrameworkCore"), which every
/// DbContext writes to; nothing in src/ is changed or registered. Off (and so free: EF asks IsEnabled first) unless
/// <see cref="Start"/> was called.
/// </summary>
internal sealed partial class DbCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string Executed = RelationalEventId.CommandExecuted.Name!;
    private static readonly string Failed = RelationalEventId.CommandError.Name!;
    private static readonly string Opened = RelationalEventId.ConnectionOpened.Name!;
    private static readonly string Committed = RelationalEventId.TransactionCommitted.Name!;

    private readonly IDisposable _all;
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];
    private readonly ConcurrentDictionary<string, int> _statements = new(StringComparer.Ordinal);
    private volatile bool _on;
    private int _commands;
    private int _writes;
    private int _opens;
    private int _transactions;
    private long _commandTicks;

    public DbCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public void Start()
    {
        _commands = _writes = _opens = _transactions = 0;
        _commandTicks = 0;
        _statements.Clear();
        _on = true;
    }

    public DbCounts Stop()
    {
        _on = false;
        return new DbCounts(_commands, _writes, _opens, _transactions, TimeSpan.FromTicks(_commandTicks).TotalMilliseconds,
            new Dictionary<string, int>(_statements, StringComparer.Ordinal));
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(value.Subscribe(this, (name, _, _) => name == Executed || name == Failed || name == Opened || name == Committed));
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (!_on)
        {
            return;
        }

        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                Count(executed.Command, executed.Duration);
                break;
            case CommandErrorEventData failed:
                Count(failed.Command, failed.Duration);
                break;
            case TransactionEndEventData when value.Key == Committed:
                Interlocked.Increment(ref _transactions);
                break;
            case ConnectionEndEventData when value.Key == Opened:
                Interlocked.Increment(ref _opens);
                break;
            default:
                break;
        }
    }

    private void Count(DbCommand command, TimeSpan duration)
    {
        Interlocked.Increment(ref _commands);
        Interlocked.Add(ref _commandTicks, duration.Ticks);
        if (WriteStatement().IsMatch(command.CommandText))
        {
            Interlocked.Increment(ref _writes);
        }

        _statements.AddOrUpdate(Shorten(command.CommandText), 1, (_, n) => n + 1);
    }

    /// <summary>The statement on one line, cut to a readable length.</summary>
    internal static string Shorten(string sql)
    {
        var line = Whitespace().Replace(sql, " ").Trim();
        return line.Length <= 150 ? line : line[..150] + "…";
    }

    [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b|;\s*(INSERT|UPDATE|DELETE|REPLACE)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteStatement();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _on = false;
        _all.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
