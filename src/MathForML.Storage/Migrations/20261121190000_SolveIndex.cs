using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MathForML.Storage.Migrations;

/// <summary>
/// Schema v9: a covering index for the group-wide solve queries behind leaderboards and everyone's
/// streaks, so they read the index alone instead of every attempt row (see bench/MathForML.Participation.Benchmarks).
/// </summary>
[DbContext(typeof(MathForMLDbContext))]
[Migration(Id)]
internal sealed class SolveIndex : Migration
{
    public const string Id = "20261121190000_SolveIndex";

    internal const string Name = "IX_Attempts_ProblemPostId_Verdict_Late_MemberId_AttemptNumber_SubmittedAt_LocalDay";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(
            name: Name,
            table: "Attempts",
            columns: ["ProblemPostId", "Verdict", "Late", "MemberId", "AttemptNumber", "SubmittedAt", "LocalDay"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: Name, table: "Attempts");
}
