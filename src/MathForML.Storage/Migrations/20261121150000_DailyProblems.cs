using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MathForML.Storage.Migrations;

/// <summary>Schema v5: numbered problem posts keyed by occurrence, late/platform on attempts, the post ledger.</summary>
[DbContext(typeof(MathForMLDbContext))]
[Migration(Id)]
internal sealed class DailyProblems : Migration
{
    public const string Id = "20261121150000_DailyProblems";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "Number", table: "ProblemPosts", type: "INTEGER", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>(name: "OccurrenceKey", table: "ProblemPosts", type: "TEXT", maxLength: 32, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ChannelId", table: "ProblemPosts", type: "TEXT", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex("IX_ProblemPosts_GroupId_OccurrenceKey", "ProblemPosts", ["GroupId", "OccurrenceKey"], unique: true);
        migrationBuilder.AddColumn<bool>(name: "Late", table: "Attempts", type: "INTEGER", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>(name: "Platform", table: "Attempts", type: "TEXT", maxLength: 16, nullable: false, defaultValue: "Local");
        migrationBuilder.CreateTable(
            name: "PostLedger",
            columns: table => new
            {
                Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                PostedAt = table.Column<long>(type: "INTEGER", nullable: true),
                WorkspaceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                MessageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                ThreadId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_PostLedger", x => new { x.Platform, x.Key }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PostLedger");
        migrationBuilder.DropColumn(name: "Platform", table: "Attempts");
        migrationBuilder.DropColumn(name: "Late", table: "Attempts");
        migrationBuilder.DropIndex("IX_ProblemPosts_GroupId_OccurrenceKey", "ProblemPosts");
        migrationBuilder.DropColumn(name: "ChannelId", table: "ProblemPosts");
        migrationBuilder.DropColumn(name: "OccurrenceKey", table: "ProblemPosts");
        migrationBuilder.DropColumn(name: "Number", table: "ProblemPosts");
    }
}
