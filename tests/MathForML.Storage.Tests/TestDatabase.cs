using MathForML.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MathForML.Storage.Tests;

/// <summary>A real SQLite file in a fresh temp folder.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory _folder = new();

    public TestDatabase(string fileName = "nested/folder/test.db")
    {
        Path = _folder.File(fileName);
        Database = Open();
    }

    public string Path { get; }

    public SqliteDatabase Database { get; private set; }

    /// <summary>A new <see cref="SqliteDatabase"/> on the same file, as after a process restart.</summary>
    public SqliteDatabase Reopen()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Database = Open();
        return Database;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private SqliteDatabase Open() =>
        new(Options.Create(new StorageOptions { DatabasePath = Path, BusyTimeoutSeconds = 2 }), NullLogger<SqliteDatabase>.Instance);
}
