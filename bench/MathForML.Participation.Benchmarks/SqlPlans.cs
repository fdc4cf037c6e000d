using System.Diagnostics;
using System.Globalization;
using MathForML.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MathForML.Participation.Benchmarks;

/// <summary>
/// Shows where an operation's time goes in the database: the SQL statements it sends (captured from EF Core's
/// diagnostic events, with their parameter values), SQLite's <c>EXPLAIN QUERY PLAN</c> for each, and how long the
/// statement alone takes when run directly with ADO.NET and its values read, without building objects.
/// </summary>
internal static class SqlPlans
{
    private const int Runs = 5;

    public static async Task PrintAsync(SeededDatabase database, TextWriter output)
    {
        var connectionString = database.Services.GetRequiredService<SqliteDatabase>().ConnectionString;
        foreach (var (name, run) in ParticipationBenchmarks.Operations)
        {
            var recorder = new CommandRecorder();
            using (DiagnosticListener.AllListeners.Subscribe(recorder))
            {
                await run(database);
            }

            output.WriteLine();
            output.WriteLine("== {0}: {1} statement(s)", name, recorder.Commands.Count);
            foreach (var (sql, parameters) in recorder.Commands)
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                output.WriteLine(sql);
                output.WriteLine("-- parameters: " + string.Join(", ", parameters.Select(p => $"{p.Name}={p.Value}")));
                foreach (var line in await ReadAsync(connection, "EXPLAIN QUERY PLAN " + sql, parameters, plan: true))
                {
                    output.WriteLine("-- plan: " + line);
                }

                var times = new double[Runs];
                var rows = 0;
                for (var i = 0; i < Runs; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    rows = (await ReadAsync(connection, sql, parameters, plan: false)).Count;
                    times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                Array.Sort(times);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-- alone: median {times[Runs / 2]:F2} ms over {Runs} runs, {rows} rows"));
            }
        }
    }

    private static async Task<List<string>> ReadAsync(SqliteConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters, bool plan)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // The plan's last column is its text; the query's own values are read (as the store would) and dropped.
            if (plan)
            {
                lines.Add(reader.GetString(reader.FieldCount - 1));
                continue;
            }

            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            lines.Add("");
        }

        return lines;
    }

    /// <summary>Listens to EF Core's diagnostic source and copies each command as it is about to run.</summary>
    private sealed class CommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private readonly List<IDisposable> _subscriptions = [];

        public List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Commands { get; } = [];

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data)
            {
                Commands.Add((data.Command.CommandText, [.. data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            }
        }

        public void OnCompleted()
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }

        public void OnError(Exception error)
        {
        }
    }
}
