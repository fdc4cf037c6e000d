using MathForML.Core.Problems;
using MathForML.Core.Reading;
using MathForML.Storage;
using Microsoft.Extensions.Hosting;

namespace MathForML.Host.Hosting;

/// <summary>
/// Brings the database schema up to date before any later hosted service (a platform) starts. The
/// problem bank and book catalogue load when constructed, so depending on them makes the content ready too.
/// </summary>
internal sealed class DatabaseInitializer(SqliteDatabase database, IProblemBank problems, IBookCatalog books) : IHostedService
{
    /// <summary>Problems and books loaded (they are by now: they load when constructed).</summary>
    public int ContentItems => problems.Problems.Count + books.Books.Count;

    public Task StartAsync(CancellationToken cancellationToken) => database.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
