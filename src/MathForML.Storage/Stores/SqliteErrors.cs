using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MathForML.Storage.Stores;

internal static class SqliteErrors
{
    private const int ConstraintViolation = 19; // SQLITE_CONSTRAINT
    private const int UniqueViolation = 2067; // SQLITE_CONSTRAINT_UNIQUE

    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: ConstraintViolation, SqliteExtendedErrorCode: UniqueViolation };
}
