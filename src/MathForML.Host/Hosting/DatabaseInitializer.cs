using MathForML.Storage;
using Microsoft.Extensions.Hosting;

namespace MathForML.Host.Hosting;

/// <summary>Brings the database schema up to date before any other hosted service starts.</summary>
internal sealed class DatabaseInitializer(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
