using Microsoft.EntityFrameworkCore.Design;

namespace MathForML.Storage.Design;

/// <summary>What `dotnet ef` builds the context with: the model from the entity configurations, never the compiled one.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<MathForMLDbContext>
{
    public MathForMLDbContext CreateDbContext(string[] args) => SqliteDatabase.CreateRuntimeModelContext("Data Source=:memory:");
}
